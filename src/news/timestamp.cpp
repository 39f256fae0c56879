#include "news/timestamp.hpp"

#include <array>
#include <charconv>
#include <fmt/format.h>

namespace gazette::news {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kWeekdaysEn{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 7> kWeekdaysAr{
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"};
constexpr std::array<std::string_view, 12> kMonthsEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
// The Gregorian month names used across the Gulf and Egypt, as the seed site's region writes them.
constexpr std::array<std::string_view, 12> kMonthsAr{
    "يناير", "فبراير", "مارس",   "أبريل", "مايو",  "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};

bool ParseInt(std::string_view text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string FormatTimestamp(TimePoint time, std::string_view pattern, Language language) {
  const auto day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  const auto weekday_index = weekday{day}.c_encoding();
  const auto month_index = static_cast<unsigned>(ymd.month()) - 1;
  const bool arabic = language == Language::kArabic;

  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    const char directive = pattern[++i];
    switch (directive) {
      case 'Y': out += fmt::format("{:04}", static_cast<int>(ymd.year())); break;
      case 'm': out += fmt::format("{:02}", static_cast<unsigned>(ymd.month())); break;
      case 'd': out += fmt::format("{:02}", static_cast<unsigned>(ymd.day())); break;
      case 'H': out += fmt::format("{:02}", hms.hours().count()); break;
      case 'M': out += fmt::format("{:02}", hms.minutes().count()); break;
      case 'S': out += fmt::format("{:02}", hms.seconds().count()); break;
      case 'A': out += arabic ? kWeekdaysAr[weekday_index] : kWeekdaysEn[weekday_index]; break;
      case 'B': out += arabic ? kMonthsAr[month_index] : kMonthsEn[month_index]; break;
      case '%': out += '%'; break;
      default:
        out += '%';
        out += directive;
    }
  }
  return out;
}

bool IsValidTimestampPattern(std::string_view pattern) {
  constexpr std::string_view kKnown = "YmdHMSAB%";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') continue;
    if (i + 1 == pattern.size() || kKnown.find(pattern[i + 1]) == std::string_view::npos)
      return false;
    ++i;
  }
  return true;
}

std::string FormatIso8601(TimePoint time) {
  const auto day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::optional<TimePoint> ParseIso8601(std::string_view text) {
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ParseInt(text.substr(0, 4), y) || !ParseInt(text.substr(5, 2), mo) ||
      !ParseInt(text.substr(8, 2), d))
    return std::nullopt;
  std::string_view rest = text.substr(10);
  seconds offset{0};
  if (!rest.empty()) {
    if (rest.size() < 9 || (rest[0] != 'T' && rest[0] != ' ') || rest[3] != ':' || rest[6] != ':')
      return std::nullopt;
    if (!ParseInt(rest.substr(1, 2), h) || !ParseInt(rest.substr(4, 2), mi) ||
        !ParseInt(rest.substr(7, 2), s))
      return std::nullopt;
    rest = rest.substr(9);
    if (!rest.empty() && rest[0] == '.') {  // Fractions of a second are dropped.
      rest.remove_prefix(1);
      while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') rest.remove_prefix(1);
    }
    if (rest == "Z" || rest.empty()) {
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
      int oh, om;
      if (!ParseInt(rest.substr(1, 2), oh) || !ParseInt(rest.substr(4, 2), om)) return std::nullopt;
      offset = hours{oh} + minutes{om};
      if (rest[0] == '-') offset = -offset;
    } else {
      return std::nullopt;
    }
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} - offset;
}

}  // namespace gazette::news
