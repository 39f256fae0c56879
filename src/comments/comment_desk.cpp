// Comment submission; docs/comments.md, "Submission".
#include "comments/comment_desk.hpp"

#include <sodium.h>

#include <boost/url/parse_query.hpp>
#include <boost/url/params_view.hpp>

#include "comments/comment_text.hpp"
#include "news/error.hpp"
#include "news/utf8.hpp"

namespace gazette::comments {
namespace {

constexpr std::string_view kTokenKeySetting = "comments.token_key";
constexpr std::string_view kClientSaltSetting = "comments.client_salt";

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

bool LooksLikeEmail(std::string_view email) {
  const auto at = email.find('@');
  return email.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find_first_of(" \t\n<>\"'", 0) == std::string_view::npos && email.find('@', at + 1) == std::string_view::npos;
}

bool AddressBlocked(const std::vector<std::string>& blocked, std::string_view address) {
  for (const auto& entry : blocked) {
    if (entry.empty()) continue;
    const bool prefix = entry.back() == '.' || entry.back() == ':';
    if (prefix ? address.starts_with(entry) : address == entry) return true;
  }
  return false;
}

}  // namespace

CommentForm ParseCommentForm(std::string_view body) {
  CommentForm form;
  auto parsed = boost::urls::parse_query(body);
  if (!parsed) return form;
  boost::urls::encoding_opts plus_is_space;
  plus_is_space.space_as_plus = true;
  bool seen[5] = {};
  for (const auto& param : boost::urls::params_view(*parsed, plus_is_space)) {
    struct Field { std::string_view name; std::string* value; };
    const Field fields[] = {{"name", &form.name}, {"email", &form.email}, {"text", &form.text},
                            {"token", &form.token}, {"website", &form.honeypot}};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (param.key != fields[i].name || seen[i]) continue;
      seen[i] = true;
      *fields[i].value = param.has_value ? param.value : std::string();
    }
  }
  return form;
}

CommentSecrets LoadSecrets(store::CommentStore& store, const CommentSettings& settings) {
  if (sodium_init() < 0) throw Error(ErrorKind::kInternal, "libsodium failed to initialise");
  CommentSecrets secrets;
  std::optional<FormTokens::Key> key;
  if (!settings.token_key.empty()) {
    key = ParseKey(settings.token_key);
    if (!key) throw Error(ErrorKind::kInvalid, "comments.token_key: must be 64 hex digits");
  } else {
    key = ParseKey(store.SharedSecret(kTokenKeySetting, KeyToHex(RandomKey())));
    if (!key) throw Error(ErrorKind::kInternal, "the stored comments.token_key is not 64 hex digits");
  }
  secrets.token_key = *key;
  secrets.client_salt = !settings.client_salt.empty() ? settings.client_salt
                                                       : store.SharedSecret(kClientSaltSetting, KeyToHex(RandomKey()));
  return secrets;
}

CommentDesk::CommentDesk(store::CommentStore& comments, store::SettingsStore& site_settings, CommentSettings settings,
                         const CommentSecrets& secrets, news::Announce announce, Clock clock)
    : comments_(comments),
      site_settings_(site_settings),
      settings_(std::move(settings)),
      tokens_(secrets.token_key, settings_.token_ttl, settings_.min_fill_time),
      announce_(std::move(announce)),
      clock_(clock ? std::move(clock) : [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }),
      rate_limiter_(settings_.rate_limit, settings_.rate_window) {
  // The salt, whatever its length, keys the address hash through a 32-byte digest of it.
  crypto_generichash(salt_key_.data(), salt_key_.size(), reinterpret_cast<const unsigned char*>(secrets.client_salt.data()),
                     secrets.client_salt.size(), nullptr, 0);
}

std::string CommentDesk::IssueToken(news::ArticleId article_id) const { return tokens_.Issue(article_id, clock_()); }

bool CommentDesk::AutoPublish() const {
  if (auto stored = site_settings_.Get(kAutoPublishKey)) {
    if (*stored == "true") return true;
    if (*stored == "false") return false;
  }
  return settings_.auto_publish;
}

std::string CommentDesk::ClientHash(std::string_view address) const {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(address.data()), address.size(),
                     salt_key_.data(), salt_key_.size());
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::vector<std::string> CommentDesk::TextProblems(const CommentForm& form) const {
  std::vector<std::string> problems;
  if (!news::IsValidUtf8(form.name) || !news::IsValidUtf8(form.email) || !news::IsValidUtf8(form.text)) {
    problems.emplace_back("invalid_utf8");
    return problems;  // Nothing else can be measured in ill-formed text.
  }
  const std::string text = NormalizeNewlines(form.text);
  if (HasControlCharacters(form.name, false) || HasControlCharacters(form.email, false) ||
      HasControlCharacters(text, true))
    problems.emplace_back("control_characters");
  const auto blank = [](std::string_view s) { return s.find_first_not_of(" \t\n") == std::string_view::npos; };
  if (blank(form.name)) problems.emplace_back("name_missing");
  else if (CodePoints(form.name) > static_cast<std::size_t>(settings_.max_name_length)) problems.emplace_back("name_too_long");
  if (!form.email.empty() && !LooksLikeEmail(form.email)) problems.emplace_back("email_invalid");
  if (blank(text)) problems.emplace_back("text_missing");
  else if (CodePoints(text) > static_cast<std::size_t>(settings_.max_length)) problems.emplace_back("text_too_long");
  if (CountLinks(text) > settings_.max_links) problems.emplace_back("too_many_links");
  const std::string haystack = AsciiLower(form.name) + "\n" + AsciiLower(text);
  for (const auto& word : settings_.blocked_words) {
    if (!word.empty() && haystack.find(AsciiLower(word)) != std::string::npos) {
      problems.emplace_back("blocked_word");
      break;
    }
  }
  return problems;
}

SubmitResult CommentDesk::Submit(news::ArticleId article_id, const CommentForm& form, std::string_view client_address) {
  SubmitResult result;
  auto refuse = [&](Outcome outcome, std::string problem) {
    result.outcome = outcome;
    result.problems.push_back(std::move(problem));
    return result;
  };
  if (!comments_.CommentsOpen(article_id)) return refuse(Outcome::kClosed, "closed");

  const auto now = clock_();
  switch (tokens_.Check(form.token, article_id, now)) {
    case TokenCheck::kValid: break;
    case TokenCheck::kMissing: return refuse(Outcome::kForbidden, "token_missing");
    case TokenCheck::kForged: return refuse(Outcome::kForbidden, "token_forged");
    case TokenCheck::kExpired: return refuse(Outcome::kForbidden, "token_expired");
    case TokenCheck::kTooFast: return refuse(Outcome::kRejected, "too_fast");
  }
  if (!form.honeypot.empty()) return refuse(Outcome::kRejected, "honeypot");

  const std::string client_hash = ClientHash(client_address);
  if (!rate_limiter_.Allow(client_hash, now)) return refuse(Outcome::kRateLimited, "rate_limited");
  if (AddressBlocked(settings_.blocked_addresses, client_address)) return refuse(Outcome::kRejected, "blocked_address");

  result.problems = TextProblems(form);
  if (!result.problems.empty()) {
    result.outcome = Outcome::kRejected;
    return result;
  }

  const bool publish = AutoPublish();
  store::NewComment comment{.article_id = article_id,
                            .name = form.name,
                            .email = form.email,
                            .body = NormalizeNewlines(form.text),
                            .client_hash = client_hash,
                            .status = publish ? store::CommentStatus::kApproved : store::CommentStatus::kPending};
  result.id = comments_.Add(comment);
  if (!result.id) return refuse(Outcome::kRejected, "duplicate");
  result.outcome = publish ? Outcome::kPublished : Outcome::kPending;
  if (publish && announce_) announce_({news::ArticleCacheTag(article_id)});
  return result;
}

}  // namespace gazette::comments
