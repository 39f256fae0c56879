#pragma once
// Plain paragraphs to CommonMark that renders back to the same text: shared by the importer
// (data sets) and ingest (wire copy). Escaping rules: docs/data-loading.md.
#include <string>
#include <vector>

namespace gazette::news {

// Markdown whose rendering (cmark-gfm with the table, strikethrough and autolink extensions)
// is one paragraph per input paragraph holding exactly its text. Each paragraph is first
// normalised the way CommonMark would read it anyway: line breaks become spaces and leading and
// trailing spaces and tabs are dropped; paragraphs left empty are skipped. Characters with a
// Markdown meaning are escaped with backslashes. Paragraphs are joined by a blank line.
// Known gap: cmark-gfm still links e-mail addresses (the text stays the same).
std::string PlainParagraphsToMarkdown(const std::vector<std::string>& paragraphs);

}  // namespace gazette::news
