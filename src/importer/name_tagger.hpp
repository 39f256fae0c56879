#pragma once
// Tags for stories that came without any: the well-known names a story mentions.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::importer {

// Immutable after construction, so safe to share between threads.
class NameTagger {
 public:
  struct Name {
    std::string tag;                   // "Tony Blair".
    std::vector<std::string> phrases;  // "Blair": what stands for it in a text, case and all.
  };

  // With arabic set, a phrase also matches after the one-letter prefixes و ف ب ك ل (up to
  // two: "وبسوريا"), and alef forms, harakat and tatweel do not count.
  NameTagger(std::vector<Name> names, bool arabic);

  // The tags of the names the text mentions as whole words, in order of first mention, at
  // most max_tags of them.
  std::vector<std::string> Tags(std::string_view text, std::size_t max_tags) const;

 private:
  std::vector<Name> names_;
  bool arabic_;
};

// About 100 people, places, companies, parties, clubs and events of the 2004-05 news, and 20
// topics (economy, films, tennis), for the BBC stories.
NameTagger EnglishNewsNames();
// About 25 countries, capitals, groups and organisations of the 2015 Arabic news.
NameTagger ArabicNewsNames();

}  // namespace gazette::importer
