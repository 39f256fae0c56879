#pragma once
// Where a visitor's comment arrives: the form's fields are checked against the token, the
// honeypot, the rate limit, the block lists and the text rules, then stored durably (pending,
// or published when the site says so). docs/comments.md, "Submission".
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comments/comment_settings.hpp"
#include "comments/form_token.hpp"
#include "comments/rate_limiter.hpp"
#include "news/changes.hpp"
#include "store/comment_store.hpp"
#include "store/settings_store.hpp"

namespace gazette::comments {

// The form's fields, as sent (not yet checked).
struct CommentForm {
  std::string name;
  std::string email;
  std::string text;
  std::string token;
  std::string honeypot;  // The hidden "website" field: people leave it empty.
};

// Reads an application/x-www-form-urlencoded body ("+" is a space). Unknown fields are ignored;
// a repeated field keeps its first value. Never throws; a malformed body gives empty fields.
CommentForm ParseCommentForm(std::string_view body);

enum class Outcome {
  kPublished,    // Stored as approved: the article shows it now.
  kPending,      // Stored, waiting for a moderator.
  kRejected,     // Not stored: the visitor can fix the text and send again (422).
  kRateLimited,  // Not stored: too many comments from this client just now (429).
  kForbidden,    // Not stored: no valid form token (403).
  kClosed,       // Not stored: the article takes no comments (403).
};

struct SubmitResult {
  Outcome outcome = Outcome::kRejected;
  // Why it was not stored, as reason codes ("text_too_long"); docs/comments.md lists them.
  std::vector<std::string> problems;
  std::optional<store::CommentId> id;
};

// The settings-store key that, set to "true" or "false", overrides CommentSettings::auto_publish
// while the site runs.
inline constexpr std::string_view kAutoPublishKey = "comments.auto_publish";

// Secrets shared by every node; config or the database (LoadSecrets).
struct CommentSecrets {
  FormTokens::Key token_key{};
  std::string client_salt;
};

// The configured secrets, or the ones stored in the database (generated on first start).
CommentSecrets LoadSecrets(store::CommentStore& store, const CommentSettings& settings);

class CommentDesk {
 public:
  using Clock = std::function<news::TimePoint()>;

  // `announce` is called with the article's cache tag after a published comment commits.
  CommentDesk(store::CommentStore& comments, store::SettingsStore& site_settings, CommentSettings settings,
              const CommentSecrets& secrets, news::Announce announce, Clock clock = {});

  // A token for a form on this article's page, issued now.
  std::string IssueToken(news::ArticleId article_id) const;

  // Checks and stores one comment from `client_address`. Thread-safe.
  SubmitResult Submit(news::ArticleId article_id, const CommentForm& form, std::string_view client_address);

  // Whether new comments are published at once (the stored setting, else the config).
  bool AutoPublish() const;
  const CommentSettings& Settings() const { return settings_; }
  // Salted hash (hex) of a client address: what the store keeps instead of the address.
  std::string ClientHash(std::string_view address) const;

 private:
  std::vector<std::string> TextProblems(const CommentForm& form) const;

  store::CommentStore& comments_;
  store::SettingsStore& site_settings_;
  const CommentSettings settings_;
  const FormTokens tokens_;
  std::array<unsigned char, 32> salt_key_{};
  news::Announce announce_;
  Clock clock_;
  RateLimiter rate_limiter_;
};

}  // namespace gazette::comments
