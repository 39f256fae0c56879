#include "store/sqlite/sqlite_stores.hpp"

namespace gazette::store::sqlite {
namespace {

template <typename Row>
Row ReadNamedRow(const Statement& row) {
  Row item;
  item.id = row.Int(0);
  item.language = *news::ParseLanguage(row.Text(1));
  item.slug = row.Text(2);
  item.name = row.Text(3);
  return item;
}

}  // namespace

std::optional<news::Section> SqliteCatalogStore::FindSection(news::Language language,
                                                             std::string_view slug) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare("SELECT id, language, slug, name FROM sections WHERE language = ? AND slug = ?");
  find.Bind(news::LanguageCode(language), slug);
  if (!find.Step()) return std::nullopt;
  return ReadNamedRow<news::Section>(find);
}

std::vector<news::Section> SqliteCatalogStore::ListSections(news::Language language) {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(
      "SELECT id, language, slug, name FROM sections s WHERE language = ? AND EXISTS ("
      " SELECT 1 FROM articles a WHERE a.section_id = s.id AND a.status = 'published')"
      " ORDER BY name");
  list.Bind(news::LanguageCode(language));
  std::vector<news::Section> sections;
  while (list.Step()) sections.push_back(ReadNamedRow<news::Section>(list));
  return sections;
}

std::optional<news::Tag> SqliteCatalogStore::FindTag(news::Language language, std::string_view slug) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare("SELECT id, language, slug, name FROM tags WHERE language = ? AND slug = ?");
  find.Bind(news::LanguageCode(language), slug);
  if (!find.Step()) return std::nullopt;
  return ReadNamedRow<news::Tag>(find);
}

std::optional<std::string> SqliteSettingsStore::Get(std::string_view key) {
  auto reader = pool_.Reader();
  auto& get = reader->Prepare("SELECT value FROM settings WHERE key = ?");
  get.Bind(key);
  if (!get.Step()) return std::nullopt;
  return get.Text(0);
}

void SqliteSettingsStore::Set(std::string_view key, std::string_view value) {
  auto writer = pool_.Writer();
  writer->Prepare("INSERT INTO settings (key, value) VALUES (?, ?)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .Bind(key, value)
      .Run();
}

std::map<std::string, std::string> SqliteSettingsStore::All() {
  auto reader = pool_.Reader();
  auto& all = reader->Prepare("SELECT key, value FROM settings ORDER BY key");
  all.Bind();
  std::map<std::string, std::string> settings;
  while (all.Step()) settings.emplace(all.Text(0), all.Text(1));
  return settings;
}

}  // namespace gazette::store::sqlite
