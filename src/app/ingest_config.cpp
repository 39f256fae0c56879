#include "app/ingest_config.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "news/error.hpp"
#include "news/slug.hpp"

namespace gazette::app {
namespace {

[[noreturn]] void Fail(const std::string& file, std::string_view key, std::string_view what) {
  throw Error(ErrorKind::kInvalid, fmt::format("{}: ingest.{}: {}", file, key, what));
}

std::string String(const toml::node& node, const std::string& file, std::string_view key) {
  auto value = node.value<std::string>();
  if (!value) Fail(file, key, "must be a string");
  return *value;
}

std::int64_t Integer(const toml::node& node, const std::string& file, std::string_view key, std::int64_t low,
                     std::int64_t high) {
  auto value = node.value<std::int64_t>();
  if (!value || !node.is_integer()) Fail(file, key, "must be a whole number");
  if (*value < low || *value > high) Fail(file, key, fmt::format("must be between {} and {}, not {}", low, high, *value));
  return *value;
}

std::map<std::string, std::string> StringTable(const toml::node& node, const std::string& file, std::string_view key) {
  const auto* table = node.as_table();
  if (!table) Fail(file, key, "must be a table of strings");
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : *table) out[std::string(name.str())] = String(value, file, fmt::format("{}.\"{}\"", key, name.str()));
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

ingest::SourceSettings ReadSource(const std::string& name, const toml::table& table, const std::string& file) {
  ingest::SourceSettings source;
  source.name = name;
  if (news::MakeSlug(name) != name) Fail(file, "sources." + name, "a source's name must be a slug (lower case, a-z0-9-)");
  const std::string prefix = "sources." + name + ".";
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    const std::string where = prefix + key;
    if (key == "folder") {
      std::filesystem::path folder = String(node, file, where);
      if (folder.is_relative()) folder = std::filesystem::path(file).parent_path() / folder;
      source.folder = folder.lexically_normal();
    } else if (key == "policy") {
      const auto policy = String(node, file, where);
      if (policy == "publish") source.policy = ingest::Policy::kPublish;
      else if (policy == "hold") source.policy = ingest::Policy::kHold;
      else Fail(file, where, "must be \"publish\" or \"hold\"");
    } else if (key == "section") {
      source.section = String(node, file, where);
      if (news::MakeSlug(source.section).empty()) Fail(file, where, "must name a section (letters or digits)");
    } else if (key == "edition") {
      const auto code = String(node, file, where);
      auto language = news::ParseLanguage(code);
      if (!language) Fail(file, where, "must be an edition Gazette has (en, ar)");
      source.edition = *language;
    } else if (key == "feeds") {
      const auto* array = node.as_array();
      if (!array) Fail(file, where, "must be an array of http:// URLs");
      for (const auto& item : *array) {
        auto url = item.value<std::string>();
        if (!url || !url->starts_with("http://")) Fail(file, where, "must be an array of http:// URLs");
        source.feeds.push_back(*url);
      }
    } else if (key == "providers") {
      for (auto& [provider, line] : StringTable(node, file, where)) source.providers[Lower(provider)] = line;
    } else {
      Fail(file, where, "unknown key");
    }
  }
  return source;
}

}  // namespace

void ReadIngest(const toml::table& table, const std::string& file, ingest::IngestSettings& settings) {
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    if (key == "max_bytes") {
      settings.max_bytes = static_cast<std::size_t>(Integer(node, file, key, 1024, 64ll << 20));
    } else if (key == "poll_interval_ms") {
      settings.poll_interval = std::chrono::milliseconds(Integer(node, file, key, 100, 86400000));
    } else if (key == "rescan_interval_ms") {
      settings.rescan_interval = std::chrono::milliseconds(Integer(node, file, key, 100, 86400000));
    } else if (key == "providers") {
      for (auto& [provider, line] : StringTable(node, file, key)) settings.providers[Lower(provider)] = line;
    } else if (key == "subjects") {
      settings.subjects = StringTable(node, file, key);
    } else if (key == "sources") {
      const auto* sources = node.as_table();
      if (!sources) Fail(file, key, "must hold one table per source: [ingest.sources.NAME]");
      for (const auto& [name, source] : *sources) {
        const auto* source_table = source.as_table();
        if (!source_table) Fail(file, fmt::format("sources.{}", name.str()), "must be a table");
        settings.sources.push_back(ReadSource(std::string(name.str()), *source_table, file));
      }
    } else {
      Fail(file, key, "unknown key");
    }
  }
}

}  // namespace gazette::app
