#include "news/article.hpp"

#include <array>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

namespace gazette::news {
namespace {
constexpr std::array<std::pair<ArticleStatus, std::string_view>, 4> kStatusNames{{
    {ArticleStatus::kDraft, "draft"},
    {ArticleStatus::kScheduled, "scheduled"},
    {ArticleStatus::kPublished, "published"},
    {ArticleStatus::kUnpublished, "unpublished"},
}};
}  // namespace

std::string_view StatusName(ArticleStatus status) {
  for (const auto& [s, name] : kStatusNames)
    if (s == status) return name;
  return "draft";
}

std::optional<ArticleStatus> ParseStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames)
    if (n == name) return s;
  return std::nullopt;
}

std::string ArticlePath(Language language, std::string_view section_slug,
                        std::string_view article_slug) {
  std::string path = "/";
  path += LanguageCode(language);
  path += '/';
  path += boost::urls::encode(section_slug, boost::urls::pchars);
  path += '/';
  path += boost::urls::encode(article_slug, boost::urls::pchars);
  return path;
}

}  // namespace gazette::news
