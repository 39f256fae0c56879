#include "http/http_date.hpp"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace gazette::http {
namespace {

namespace chrono = std::chrono;

constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A cursor over the date text; every reader returns false when the text does not fit.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool Literal(std::string_view expected) {
    if (text_.substr(0, expected.size()) != expected) return false;
    text_.remove_prefix(expected.size());
    return true;
  }
  void SkipSpaces() {
    while (!text_.empty() && text_.front() == ' ') text_.remove_prefix(1);
  }
  // Exactly `digits` digits, or 1..digits when `at_least_one`.
  bool Number(int digits, int& out, bool at_least_one = false) {
    out = 0;
    int read = 0;
    while (read < digits && !text_.empty() && std::isdigit(static_cast<unsigned char>(text_[0]))) {
      out = out * 10 + (text_[0] - '0');
      text_.remove_prefix(1);
      ++read;
    }
    return at_least_one ? read > 0 : read == digits;
  }
  bool Month(int& out) {
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
      if (Literal(kMonths[i])) {
        out = static_cast<int>(i) + 1;
        return true;
      }
    }
    return false;
  }
  bool Time(int& hour, int& minute, int& second) {
    return Number(2, hour) && Literal(":") && Number(2, minute) && Literal(":") &&
           Number(2, second);
  }
  // Skips the weekday name; returns the character after it (',' or ' '), or 0.
  char SkipWeekday() {
    std::size_t n = 0;
    while (n < text_.size() && std::isalpha(static_cast<unsigned char>(text_[n]))) ++n;
    if (n == 0 || n == text_.size()) return 0;
    char after = text_[n];
    text_.remove_prefix(n + 1);
    return after;
  }
  bool AtEnd() const { return text_.empty(); }

 private:
  std::string_view text_;
};

std::optional<chrono::system_clock::time_point> Make(int year, int month, int day, int hour,
                                                     int minute, int second) {
  chrono::year_month_day date{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                              chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return chrono::sys_days{date} + chrono::hours{hour} + chrono::minutes{minute} +
         chrono::seconds{second};
}

}  // namespace

std::string FormatHttpDate(chrono::system_clock::time_point time) {
  auto day = chrono::floor<chrono::days>(time);
  chrono::year_month_day date{day};
  chrono::hh_mm_ss clock{chrono::floor<chrono::seconds>(time - day)};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
                     kWeekdays[chrono::weekday{day}.c_encoding()],
                     static_cast<unsigned>(date.day()),
                     kMonths[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

std::optional<chrono::system_clock::time_point> ParseHttpDate(std::string_view text) {
  Reader in(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char after_weekday = in.SkipWeekday();
  if (after_weekday == ',') {
    in.SkipSpaces();
    if (in.Number(2, day) && in.Literal(" ")) {  // IMF-fixdate: "06 Nov 1994 08:49:37 GMT".
      if (!(in.Month(month) && in.Literal(" ") && in.Number(4, year) && in.Literal(" ") &&
            in.Time(hour, minute, second) && in.Literal(" GMT") && in.AtEnd())) {
        return std::nullopt;
      }
      return Make(year, month, day, hour, minute, second);
    }
    // RFC 850: "06-Nov-94 08:49:37 GMT". Two-digit years: RFC 9110 says read them as the
    // nearest year not more than 50 years ahead; the 1970-2069 window is close enough here.
    Reader rfc850(text.substr(text.find(',') + 1));
    rfc850.SkipSpaces();
    if (!(rfc850.Number(2, day) && rfc850.Literal("-") && rfc850.Month(month) &&
          rfc850.Literal("-") && rfc850.Number(2, year) && rfc850.Literal(" ") &&
          rfc850.Time(hour, minute, second) && rfc850.Literal(" GMT") && rfc850.AtEnd())) {
      return std::nullopt;
    }
    return Make(year < 70 ? 2000 + year : 1900 + year, month, day, hour, minute, second);
  }
  if (after_weekday == ' ') {  // asctime: "Nov  6 08:49:37 1994".
    if (!(in.Month(month) && in.Literal(" "))) return std::nullopt;
    in.SkipSpaces();
    if (!(in.Number(2, day, true) && in.Literal(" ") && in.Time(hour, minute, second) &&
          in.Literal(" ") && in.Number(4, year) && in.AtEnd())) {
      return std::nullopt;
    }
    return Make(year, month, day, hour, minute, second);
  }
  return std::nullopt;
}

}  // namespace gazette::http
