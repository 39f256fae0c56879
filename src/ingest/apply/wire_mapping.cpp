#include "ingest/apply/wire_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "news/plain_markdown.hpp"
#include "news/slug.hpp"

namespace gazette::ingest {
namespace {

constexpr std::size_t kMaxTags = 12;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const std::string* Lookup(const std::map<std::string, std::string>& table, std::string_view key) {
  if (auto it = table.find(std::string(key)); it != table.end()) return &it->second;
  const auto lower = Lower(key);
  for (const auto& [name, value] : table)
    if (Lower(name) == lower) return &value;
  return nullptr;
}

std::optional<news::Language> EditionOf(std::string_view language, const SourceSettings& source) {
  if (language.empty()) return source.edition;
  const auto lower = Lower(language);
  if (lower == "en" || lower.starts_with("en-")) return news::Language::kEnglish;
  if (lower == "ar" || lower.starts_with("ar-")) return news::Language::kArabic;
  return std::nullopt;
}

}  // namespace

std::string SourceLine(const IngestSettings& settings, const SourceSettings& source, std::string_view provider) {
  if (const auto* name = Lookup(source.providers, provider)) return *name;
  if (const auto* name = Lookup(settings.providers, provider)) return *name;
  return std::string(provider);
}

std::variant<store::WireApply, Rejection> MapWireItem(const news::WireItem& item, const IngestSettings& settings,
                                                      const SourceSettings& source, news::TimePoint now) {
  const auto edition = EditionOf(item.language, source);
  if (!edition)
    return Rejection{fmt::format("item {}: language '{}' has no edition on this site (en, ar)", item.guid, item.language)};

  store::WireApply apply;
  apply.provider = SourceLine(settings, source, item.provider.empty() ? source.name : item.provider);
  apply.guid = item.guid;
  apply.version = item.version;
  apply.format = std::string(news::WireFormatName(item.format));
  apply.withdrawn = item.status != news::WireStatus::kUsable;

  auto& draft = apply.draft;
  draft.language = *edition;
  draft.headline = item.headline;
  draft.slug = news::MakeSlug(item.headline);
  if (draft.slug.empty()) draft.slug = news::MakeSlug(item.guid);
  if (draft.slug.empty()) draft.slug = "wire-item";
  draft.standfirst = item.standfirst;
  draft.dateline = item.dateline;
  draft.byline = item.byline;
  draft.body_markdown = news::PlainParagraphsToMarkdown(item.body);
  draft.source = apply.provider;
  draft.section_name = source.section;

  std::set<std::string> seen;  // Tag slugs: "Economy" and "economy" are one tag.
  auto add_tag = [&](const std::string& name) {
    if (draft.tags.size() >= kMaxTags || name.empty()) return;
    const auto slug = news::MakeSlug(name);
    if (!slug.empty() && seen.insert(slug).second) draft.tags.push_back(name);
  };
  for (const auto& subject : item.subjects) {
    if (const auto* tag = subject.code.empty() ? nullptr : Lookup(settings.subjects, subject.code)) add_tag(*tag);
    else add_tag(subject.name);
  }
  for (const auto& keyword : item.keywords) add_tag(keyword);

  if (source.policy == Policy::kHold) {
    draft.status = news::ArticleStatus::kDraft;
  } else if (item.embargoed_until && *item.embargoed_until > now) {
    draft.status = news::ArticleStatus::kScheduled;
    draft.published_at = *item.embargoed_until;
  } else {
    draft.status = news::ArticleStatus::kPublished;
  }
  return apply;
}

}  // namespace gazette::ingest
