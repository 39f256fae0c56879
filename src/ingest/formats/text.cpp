// Text extraction for the wire parsers; docs/wire-formats.md ("Body text").
#include "ingest/formats/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "news/utf8.hpp"

namespace gazette::ingest::formats {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view item) { return EqualsIgnoreCase(name, item); });
}

// Elements that start and end a paragraph, in XHTML, HTML and NITF.
bool IsBlock(std::string_view name) {
  return InList(name, {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                       "blockquote", "pre", "tr", "table", "section", "article", "header",
                       "footer", "dd", "dt", "dl", "figcaption", "hr", "hl1", "hl2", "block",
                       "body.content", "body.end", "tagline", "bq", "aside", "nav", "main"});
}

// Elements whose content is not story text.
bool IsSkipped(std::string_view name) {
  return InList(name, {"script", "style", "head", "title", "noscript", "iframe", "object",
                       "embed", "svg", "math", "template", "form", "media", "media-reference",
                       "media-metadata", "button", "select", "textarea", "video", "audio",
                       "story.date"});
}

// Decodes one code point; invalid bytes read as U+FFFD. Advances i.
char32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const int n = b0 < 0x80 ? 0 : b0 >= 0xF8 ? -1 : b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (n == 0) {
    ++i;
    return b0;
  }
  if (n < 0 || i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += n + 1;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The Windows-1252 byte a code point came from when UTF-8 was misread; -1 for none.
int Windows1252Byte(char32_t cp) {
  if (cp <= 0xFF) return static_cast<int>(cp);
  static constexpr std::array<std::pair<char32_t, int>, 27> kHigh = {{
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F},
  }};
  for (const auto& [code, byte] : kHigh) {
    if (code == cp) return byte;
  }
  return -1;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x00A0 || cp == 0x2028 || cp == 0x2029;
}

bool IsDropped(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0xFFFD;
}

struct NamedEntity {
  std::string_view name;
  char32_t code;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
    {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"laquo", 0xAB},    {"raquo", 0xBB},    {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122},  {"euro", 0x20AC},   {"pound", 0xA3},
    {"bull", 0x2022},  {"middot", 0xB7},   {"deg", 0xB0},      {"eacute", 0xE9},
    {"egrave", 0xE8},  {"agrave", 0xE0},   {"aacute", 0xE1},   {"uuml", 0xFC},
    {"ouml", 0xF6},    {"auml", 0xE4},     {"Uuml", 0xDC},     {"Ouml", 0xD6},
    {"Auml", 0xC4},    {"szlig", 0xDF},    {"ccedil", 0xE7},   {"ntilde", 0xF1},
    {"iacute", 0xED},  {"oacute", 0xF3},   {"uacute", 0xFA},   {"Eacute", 0xC9},
    {"ecirc", 0xEA},   {"ocirc", 0xF4},    {"acirc", 0xE2},    {"icirc", 0xEE},
    {"ucirc", 0xFB},   {"shy", 0xAD},      {"thinsp", 0x2009}, {"zwnj", 0x200C},
};

// Decodes "&name;" at s[i] ('&'); returns false (and leaves i) when it is no entity.
bool DecodeEntity(std::string_view s, std::size_t& i, std::string& out) {
  const std::size_t semicolon = s.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 12) return false;
  const std::string_view name = s.substr(i + 1, semicolon - i - 1);
  if (name.size() >= 2 && name[0] == '#') {
    char32_t cp = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (char c : digits) {
      int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return false;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return false;
    }
    AppendUtf8(cp == 0 ? 0xFFFD : cp, out);
    i = semicolon + 1;
    return true;
  }
  for (const auto& entity : kEntities) {
    if (entity.name == name) {
      AppendUtf8(entity.code, out);
      i = semicolon + 1;
      return true;
    }
  }
  return false;
}

// Gathers paragraphs: text is appended to the current one; Break() closes it.
class ParagraphBuilder {
 public:
  void Append(std::string_view text) { current_ += text; }
  void Break() {
    std::string line = CollapseSpaces(current_);
    if (!line.empty()) paragraphs_.push_back(std::move(line));
    current_.clear();
  }
  std::vector<std::string> Take() {
    Break();
    return std::move(paragraphs_);
  }

 private:
  std::string current_;
  std::vector<std::string> paragraphs_;
};

void WalkXml(const pugi::xml_node& node, ParagraphBuilder& builder) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      builder.Append(child.value());
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(child);
    if (IsSkipped(name)) continue;
    const bool block = IsBlock(name);
    if (block) builder.Break();
    // Recursion is bounded: LoadXml refuses trees deeper than ParserSettings::max_depth.
    WalkXml(child, builder);
    if (block) builder.Break();
    else builder.Append("");
  }
}

std::string_view TagName(std::string_view html, std::size_t start) {
  std::size_t end = start;
  while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) ||
                               html[end] == '-' || html[end] == ':' || html[end] == '.')) {
    ++end;
  }
  return html.substr(start, end - start);
}

// Index just past the '>' closing the tag that starts at i, quotes respected.
std::size_t TagEnd(std::string_view html, std::size_t i) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

std::size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

void WalkHtml(std::string_view html, ParagraphBuilder& builder) {
  std::string text;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      if (!DecodeEntity(html, i, text)) text += html[i++];
      continue;
    }
    if (c != '<') {
      text += c;
      ++i;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html.substr(i, 9) == "<![CDATA[") {
      const std::size_t end = html.find("]]>", i + 9);
      const std::size_t stop = end == std::string_view::npos ? html.size() : end;
      text += html.substr(i + 9, stop - i - 9);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const std::string_view name = TagName(html, i + (closing ? 2 : 1));
    if (name.empty() && !(i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?'))) {
      text += c;  // A lone '<' in text.
      ++i;
      continue;
    }
    i = TagEnd(html, i);
    if (!closing && IsSkipped(name)) {
      const std::size_t end = FindIgnoreCase(html, std::string("</") + std::string(name), i);
      i = end == std::string_view::npos ? html.size() : TagEnd(html, end);
      continue;
    }
    if (IsBlock(name)) {
      builder.Append(text);
      text.clear();
      builder.Break();
    }
  }
  builder.Append(text);
}

}  // namespace

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view local_name) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) {
      found.push_back(child);
    }
  }
  return found;
}

pugi::xml_node Descendant(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == local_name) return child;
    if (pugi::xml_node found = Descendant(child, local_name)) return found;
  }
  return {};
}

std::string_view Attribute(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    const std::size_t colon = name.rfind(':');
    if (colon != std::string_view::npos) {
      if (name.substr(0, colon) == "xmlns") continue;
      name = name.substr(colon + 1);
    }
    if (name == local_name) return a.value();
  }
  return {};
}

std::string NodeText(const pugi::xml_node& node) {
  ParagraphBuilder builder;
  WalkXml(node, builder);
  std::string joined;
  for (const std::string& paragraph : builder.Take()) {
    if (!joined.empty()) joined += ' ';
    joined += paragraph;
  }
  return joined;
}

std::vector<std::string> XmlParagraphs(const pugi::xml_node& node) {
  ParagraphBuilder builder;
  WalkXml(node, builder);
  return builder.Take();
}

std::vector<std::string> HtmlParagraphs(std::string_view html) {
  ParagraphBuilder builder;
  WalkHtml(html, builder);
  return builder.Take();
}

std::string HtmlLine(std::string_view html) {
  std::string joined;
  for (const std::string& paragraph : HtmlParagraphs(html)) {
    if (!joined.empty()) joined += ' ';
    joined += paragraph;
  }
  return joined;
}

std::vector<std::string> TextParagraphs(std::string_view text) {
  // Agencies label HTML as plain text now and then.
  if (FindIgnoreCase(text, "<p>", 0) != std::string_view::npos ||
      FindIgnoreCase(text, "<br", 0) != std::string_view::npos) {
    return HtmlParagraphs(text);
  }
  std::vector<std::string> paragraphs;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = CollapseSpaces(text.substr(start, end - start));
    if (!line.empty()) paragraphs.push_back(std::move(line));
    start = end + 1;
  }
  return paragraphs;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = DecodeAt(text, i);
    if (IsSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (IsDropped(cp)) continue;
    if (space) out += ' ';
    space = false;
    AppendUtf8(cp, out);
  }
  return out;
}

bool RepairDoubleEncoding(std::string& text) {
  // Fast path: double encoding always leaves a Latin-1 lead ("Ã", "Â", "â", "Ð") behind.
  bool suspicious = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\xC3' || text[i] == '\xC2') suspicious = true;
  }
  if (!suspicious) return false;
  std::string out;
  out.reserve(text.size());
  bool repaired = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t lead = DecodeAt(text, i);
    const int needed = lead >= 0xC2 && lead <= 0xDF ? 1
                       : lead >= 0xE0 && lead <= 0xEF ? 2
                       : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                      : 0;
    if (needed == 0) {
      out.append(text, start, i - start);
      continue;
    }
    std::string bytes(1, static_cast<char>(lead));
    std::size_t j = i;
    for (int k = 0; k < needed && j < text.size(); ++k) {
      const int byte = Windows1252Byte(DecodeAt(text, j));
      if (byte < 0x80 || byte > 0xBF) break;
      bytes += static_cast<char>(byte);
    }
    if (static_cast<int>(bytes.size()) == needed + 1 && news::IsValidUtf8(bytes)) {
      out += bytes;
      i = j;
      repaired = true;
    } else {
      out.append(text, start, i - start);
    }
  }
  if (!repaired) return false;
  // "à" double-encoded is "Ã" and a no-break space, which copies often turn into a space.
  for (std::size_t at = out.find("\xC3\x83 "); at != std::string::npos; at = out.find("\xC3\x83 ", at)) {
    out.replace(at, 2, "\xC3\xA0");
  }
  // "”" is E2 80 9D, and 0x9D has no Windows-1252 character: copies often lose it, leaving "â€".
  for (std::size_t at = out.find("\xC3\xA2\xE2\x82\xAC"); at != std::string::npos;
       at = out.find("\xC3\xA2\xE2\x82\xAC", at)) {
    out.replace(at, 5, "\xE2\x80\x9D");
  }
  text = std::move(out);
  return true;
}

std::string_view AfterColon(std::string_view qcode) {
  const std::size_t colon = qcode.find(':');
  return colon == std::string_view::npos ? qcode : qcode.substr(colon + 1);
}

}  // namespace gazette::ingest::formats
