// URL paths to sections; the table was built from every URL of the four days' files.
#include "importer/saudi_sections.hpp"

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace gazette::importer {
namespace {

struct Section {
  std::string_view slug;
  std::string_view name;
};

constexpr Section kSports{"sports", "رياضة"};
constexpr Section kEconomy{"economy", "اقتصاد"};
constexpr Section kLocal{"local", "محليات"};
constexpr Section kWorld{"world", "دولي"};
constexpr Section kPolitics{"politics", "سياسة"};
constexpr Section kCulture{"culture", "ثقافة"};
constexpr Section kOpinion{"opinion", "رأي"};
constexpr Section kHealth{"health", "صحة"};
constexpr Section kTechnology{"technology", "تقنية"};
constexpr Section kVariety{"variety", "منوعات"};
constexpr Section kNews{"news", "أخبار"};

// Path segments, lower-cased, that name a section on some outlet's site.
constexpr std::array<std::pair<std::string_view, Section>, 30> kSegments{{
    {"sports", kSports}, {"sport", kSports}, {"riyadiyah", kSports},
    {"رياضة-محلية", kSports}, {"رياضة-عالمية", kSports}, {"رياضات-مختلفة", kSports},
    {"economy", kEconomy}, {"eqtisad", kEconomy}, {"finance", kEconomy}, {"business", kEconomy},
    {"local", kLocal}, {"mahaliyat", kLocal}, {"nation", kLocal}, {"regions", kLocal},
    {"world", kWorld}, {"international", kWorld}, {"golobal", kWorld}, {"global", kWorld},
    {"politics", kPolitics}, {"pol", kPolitics},
    {"culture", kCulture},
    {"opinion", kOpinion}, {"articles", kOpinion}, {"writers", kOpinion}, {"discussion", kOpinion},
    {"health", kHealth},
    {"tech", kTechnology}, {"technology", kTechnology},
    {"variety", kVariety}, {"منوعات", kVariety},
}};

// Al-Jazirah names its pages after the print section: /2015/20150808/sp13.htm.
constexpr std::array<std::pair<std::string_view, Section>, 7> kAlJazirahPages{{
    {"ln", kLocal}, {"sp", kSports}, {"ec", kEconomy}, {"du", kWorld},
    {"ar", kOpinion}, {"cu", kCulture}, {"ms", kVariety},
}};

// Papers about one subject, whose URLs often carry no section at all.
constexpr std::array<std::pair<std::string_view, Section>, 3> kSubjectHosts{{
    {"arriyadiyah.com", kSports}, {"arreyadi.com.sa", kSports}, {"aleqt.com", kEconomy},
}};

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Most of these URLs carry raw Arabic, some carry it percent-encoded.
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

SectionChoice Choice(const Section& section) { return {std::string(section.name), std::string(section.slug)}; }

std::optional<Section> AlJazirahPage(std::string_view page) {
  std::size_t letters = 0;
  while (letters < page.size() && page[letters] >= 'a' && page[letters] <= 'z') ++letters;
  if (letters == 0 || letters == page.size() || page[letters] < '0' || page[letters] > '9') return std::nullopt;
  for (const auto& [code, section] : kAlJazirahPages)
    if (page.substr(0, letters) == code) return section;
  return std::nullopt;
}

}  // namespace

SectionChoice SaudiSectionFromUrl(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("?#"));
  const std::size_t slash = url.find('/');
  std::string host = LowerAscii(url.substr(0, slash));
  if (host.starts_with("www.")) host.erase(0, 4);
  std::vector<std::string> segments;
  for (std::size_t begin = slash; begin != std::string_view::npos && begin < url.size();) {
    const std::size_t end = url.find('/', begin + 1);
    const auto segment = url.substr(begin + 1, end == std::string_view::npos ? std::string_view::npos : end - begin - 1);
    if (!segment.empty()) segments.push_back(LowerAscii(PercentDecode(segment)));
    begin = end;
  }
  for (const auto& segment : segments)
    for (const auto& [keyword, section] : kSegments)
      if (segment == keyword) return Choice(section);
  if (host == "al-jazirah.com" && !segments.empty())
    if (auto section = AlJazirahPage(segments.back())) return Choice(*section);
  // Asharq Al-Awsat files columns under the writer's name: /home/article/424731/<writer>/<title>.
  if (host == "aawsat.com" && segments.size() == 5 && segments[1] == "article") return Choice(kOpinion);
  for (const auto& [subject_host, section] : kSubjectHosts)
    if (host == subject_host) return Choice(section);
  return Choice(kNews);
}

}  // namespace gazette::importer
