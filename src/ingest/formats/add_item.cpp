// Cleaning and checking of parsed items; docs/wire-formats.md ("Required fields").
#include <algorithm>
#include <cctype>

#include "ingest/formats/formats.hpp"
#include "ingest/formats/text.hpp"

namespace gazette::ingest::formats {
namespace {

class Cleaner {
 public:
  explicit Cleaner(bool repair) : repair_(repair) {}
  void Line(std::string& text) {
    if (repair_ && RepairDoubleEncoding(text)) repaired_ = true;
    text = CollapseSpaces(text);
  }
  bool repaired() const { return repaired_; }

 private:
  bool repair_;
  bool repaired_ = false;
};

template <typename T>
void DropDuplicates(std::vector<T>& values) {
  std::vector<T> kept;
  for (T& value : values) {
    if (std::find(kept.begin(), kept.end(), value) == kept.end()) kept.push_back(std::move(value));
  }
  values = std::move(kept);
}

}  // namespace

void AddItem(WireBatch& batch, news::WireItem item, const ParserSettings& settings) {
  Cleaner clean(settings.repair_double_encoding);
  for (std::string* field : {&item.provider, &item.guid, &item.language, &item.headline,
                             &item.standfirst, &item.byline, &item.dateline, &item.link}) {
    clean.Line(*field);
  }
  std::transform(item.language.begin(), item.language.end(), item.language.begin(),
                 [](unsigned char c) { return static_cast<char>(c == '_' ? '-' : std::tolower(c)); });
  std::vector<std::string> body;
  for (std::string& paragraph : item.body) {
    clean.Line(paragraph);
    if (!paragraph.empty()) body.push_back(std::move(paragraph));
  }
  item.body = std::move(body);
  // The standfirst often opens the body too; keep it once.
  if (!item.body.empty() && item.body.front() == item.standfirst) item.body.erase(item.body.begin());
  std::vector<std::string> keywords;
  for (std::string& keyword : item.keywords) {
    clean.Line(keyword);
    if (!keyword.empty()) keywords.push_back(std::move(keyword));
  }
  item.keywords = std::move(keywords);
  DropDuplicates(item.keywords);
  std::vector<news::WireSubject> subjects;
  for (news::WireSubject& subject : item.subjects) {
    clean.Line(subject.code);
    clean.Line(subject.name);
    if (!subject.code.empty() || !subject.name.empty()) subjects.push_back(std::move(subject));
  }
  item.subjects = std::move(subjects);
  DropDuplicates(item.subjects);
  item.repaired_encoding = clean.repaired();
  item.format = batch.format;
  if (item.guid.empty()) {
    Skip(batch, "", ParseProblem::kMissingField,
         "the item has no guid (" + std::string(news::WireFormatName(batch.format)) +
             " identifier), so its updates could not be matched");
    return;
  }
  if (item.headline.empty()) {
    Skip(batch, item.guid, ParseProblem::kMissingField, "the item has no headline");
    return;
  }
  if (item.version < 0) item.version = 0;
  batch.items.push_back(std::move(item));
}

void Skip(WireBatch& batch, std::string guid, ParseProblem problem, std::string reason) {
  batch.skipped.push_back({std::move(guid), problem, std::move(reason)});
}

}  // namespace gazette::ingest::formats
