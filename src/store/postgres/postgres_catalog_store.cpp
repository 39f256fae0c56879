// Sections, tags and settings on PostgreSQL.
#include "store/postgres/postgres_stores.hpp"

namespace gazette::store::postgres {
namespace {

template <typename Row>
Row ReadNamedRow(const Result& result, int row) {
  Row item;
  item.id = result.Int(row, 0);
  item.language = *news::ParseLanguage(result.Text(row, 1));
  item.slug = result.Text(row, 2);
  item.name = result.Text(row, 3);
  return item;
}

}  // namespace

std::optional<news::Section> PostgresCatalogStore::FindSection(news::Language language, std::string_view slug) {
  auto connection = pool_.Acquire();
  const auto found = connection->Query("SELECT id, language, slug, name FROM sections WHERE language = $1 AND slug = $2",
                                       news::LanguageCode(language), slug);
  if (found.Rows() == 0) return std::nullopt;
  return ReadNamedRow<news::Section>(found, 0);
}

std::vector<news::Section> PostgresCatalogStore::ListSections(news::Language language) {
  auto connection = pool_.Acquire();
  // COLLATE "C": code point order, the order SQLite gives, whatever the server's locale.
  const auto list = connection->Query(
      "SELECT id, language, slug, name FROM sections s WHERE language = $1 AND EXISTS ("
      " SELECT 1 FROM articles a WHERE a.section_id = s.id AND a.status = 'published')"
      " ORDER BY name COLLATE \"C\"",
      news::LanguageCode(language));
  std::vector<news::Section> sections;
  for (int row = 0; row < list.Rows(); ++row) sections.push_back(ReadNamedRow<news::Section>(list, row));
  return sections;
}

std::optional<news::Tag> PostgresCatalogStore::FindTag(news::Language language, std::string_view slug) {
  auto connection = pool_.Acquire();
  const auto found = connection->Query("SELECT id, language, slug, name FROM tags WHERE language = $1 AND slug = $2",
                                       news::LanguageCode(language), slug);
  if (found.Rows() == 0) return std::nullopt;
  return ReadNamedRow<news::Tag>(found, 0);
}

std::optional<std::string> PostgresSettingsStore::Get(std::string_view key) {
  auto connection = pool_.Acquire();
  const auto found = connection->Query("SELECT value FROM settings WHERE key = $1", key);
  if (found.Rows() == 0) return std::nullopt;
  return found.Text(0, 0);
}

void PostgresSettingsStore::Set(std::string_view key, std::string_view value) {
  auto connection = pool_.Acquire();
  connection->Query("INSERT INTO settings (key, value) VALUES ($1, $2)"
                    " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    key, value);
}

std::map<std::string, std::string> PostgresSettingsStore::All() {
  auto connection = pool_.Acquire();
  const auto all = connection->Query("SELECT key, value FROM settings ORDER BY key");
  std::map<std::string, std::string> settings;
  for (int row = 0; row < all.Rows(); ++row) settings.emplace(all.Text(row, 0), all.Text(row, 1));
  return settings;
}

}  // namespace gazette::store::postgres
