// Wire timestamps; docs/wire-formats.md ("Times").
#include "ingest/formats/wire_time.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

namespace gazette::ingest::formats {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[i], advancing i.
std::optional<int> Digits(std::string_view text, std::size_t& i, std::size_t n) {
  if (i + n > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!IsDigit(text[i + k])) return std::nullopt;
    value = value * 10 + (text[i + k] - '0');
  }
  i += n;
  return value;
}

std::optional<news::TimePoint> Compose(int year, int month, int day, int hour, int minute,
                                       int second, int offset_minutes) {
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 24 || minute > 59 || second > 60) return std::nullopt;
  return std::chrono::sys_days{date} + hours{hour} + minutes{minute} + seconds{second} -
         minutes{offset_minutes};
}

// "Z", "+02:00", "+0200", "-05", or nothing (UTC). Returns nothing when other text follows.
std::optional<int> ZoneOffset(std::string_view text, std::size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  if (i == text.size()) return 0;
  if (text[i] == 'Z' || text[i] == 'z') return i + 1 == text.size() ? std::optional<int>(0)
                                                                      : std::nullopt;
  if (text[i] != '+' && text[i] != '-') return std::nullopt;
  const int sign = text[i] == '-' ? -1 : 1;
  ++i;
  const auto h = Digits(text, i, 2);
  if (!h) return std::nullopt;
  if (i < text.size() && text[i] == ':') ++i;
  int m = 0;
  if (i < text.size()) {
    const auto mm = Digits(text, i, 2);
    if (!mm) return std::nullopt;
    m = *mm;
  }
  if (i != text.size() || *h > 14 || m > 59) return std::nullopt;
  return sign * (*h * 60 + m);
}

std::optional<news::TimePoint> ParseIso(std::string_view text) {
  std::size_t i = 0;
  const auto year = Digits(text, i, 4);
  if (!year) return std::nullopt;
  const bool extended = i < text.size() && text[i] == '-';
  if (extended) ++i;
  const auto month = Digits(text, i, 2);
  if (!month) return std::nullopt;
  if (extended && (i >= text.size() || text[i++] != '-')) return std::nullopt;
  const auto day = Digits(text, i, 2);
  if (!day) return std::nullopt;
  if (i == text.size()) return Compose(*year, *month, *day, 0, 0, 0, 0);
  if (text[i] != 'T' && text[i] != 't' && text[i] != ' ') return std::nullopt;
  ++i;
  const auto hour = Digits(text, i, 2);
  if (!hour) return std::nullopt;
  if (extended && i < text.size() && text[i] == ':') ++i;
  const auto minute = Digits(text, i, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (i < text.size() && (text[i] == ':' || IsDigit(text[i]))) {
    if (text[i] == ':') ++i;
    const auto s = Digits(text, i, 2);
    if (!s) return std::nullopt;
    second = *s;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
      ++i;
      while (i < text.size() && IsDigit(text[i])) ++i;
    }
  }
  const auto offset = ZoneOffset(text, i);
  if (!offset) return std::nullopt;
  return Compose(*year, *month, *day, *hour, *minute, second, *offset);
}

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int MonthNumber(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = Lower(token.substr(0, 3));
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (token.size() >= 3 && lower == kMonths[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

std::optional<int> NamedZone(std::string_view token) {
  struct Zone {
    std::string_view name;
    int offset;
  };
  static constexpr Zone kZones[] = {{"gmt", 0},     {"ut", 0},      {"utc", 0},    {"z", 0},
                                    {"est", -300},  {"edt", -240},  {"cst", -360}, {"cdt", -300},
                                    {"mst", -420},  {"mdt", -360},  {"pst", -480}, {"pdt", -420},
                                    {"cet", 60},    {"cest", 120},  {"bst", 60}};
  const std::string lower = Lower(token);
  for (const auto& zone : kZones) {
    if (zone.name == lower) return zone.offset;
  }
  return std::nullopt;
}

// RFC 822 and its common variants: the tokens may come in either order "16 Dec 2023" or
// "Dec 16 2023"; a 12-hour clock with AM/PM is accepted.
std::optional<news::TimePoint> ParseRfc822(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  int year = -1, month = 0, day = -1, hour = -1, minute = 0, second = 0, offset = 0;
  bool pm = false, am = false;
  for (std::string_view token : tokens) {
    if (token.find(':') != std::string_view::npos && hour < 0) {
      std::size_t k = 0;
      const auto h = Digits(token, k, token.size() > 1 && token[1] == ':' ? 1 : 2);
      if (!h || k >= token.size() || token[k++] != ':') return std::nullopt;
      const auto m = Digits(token, k, 2);
      if (!m) return std::nullopt;
      if (k < token.size()) {
        if (token[k++] != ':') return std::nullopt;
        const auto s = Digits(token, k, 2);
        if (!s || k != token.size()) return std::nullopt;
        second = *s;
      }
      hour = *h;
      minute = *m;
    } else if (token[0] == '+' || (token[0] == '-' && token.size() == 5)) {
      const auto zone = ZoneOffset(token, 0);
      if (!zone) return std::nullopt;
      offset = *zone;
    } else if (IsDigit(token[0])) {
      std::size_t k = 0;
      if (token.size() == 4 && year < 0) {
        const auto y = Digits(token, k, 4);
        if (!y) return std::nullopt;
        year = *y;
      } else if (token.size() <= 2 && day < 0) {
        const auto d = Digits(token, k, token.size());
        if (!d) return std::nullopt;
        day = *d;
      } else if (token.size() == 2 && year < 0) {
        const auto y = Digits(token, k, 2);
        if (!y) return std::nullopt;
        year = *y + (*y < 50 ? 2000 : 1900);
      } else {
        return std::nullopt;
      }
    } else if (Lower(token) == "pm") {
      pm = true;
    } else if (Lower(token) == "am") {
      am = true;
    } else if (int m = MonthNumber(token); m > 0 && month == 0 &&
                                          (token.size() == 3 || token.size() > 4 ||
                                           Lower(token) == "june" || Lower(token) == "july")) {
      month = m;
    } else if (const auto zone = NamedZone(token)) {
      offset = *zone;
    }
    // Anything else (a weekday name) is ignored.
  }
  if (year < 0 || month == 0 || day < 0) return std::nullopt;
  if (hour < 0) hour = 0;
  if ((pm || am) && (hour < 1 || hour > 12)) return std::nullopt;
  if (pm && hour != 12) hour += 12;
  if (am && hour == 12) hour = 0;
  return Compose(year, month, day, hour, minute, second, offset);
}

}  // namespace

std::optional<news::TimePoint> ParseWireTime(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (IsDigit(text[0])) {
    if (auto time = ParseIso(text)) return time;
  }
  return ParseRfc822(text);
}

}  // namespace gazette::ingest::formats
