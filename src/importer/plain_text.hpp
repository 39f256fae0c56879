#pragma once
// Plain text from data sets, cleaned and turned into CommonMark that renders back to the same
// text. Format notes: docs/data-loading.md.
#include <string>
#include <string_view>
#include <vector>

#include "news/plain_markdown.hpp"

namespace gazette::importer {

// Plain paragraphs to CommonMark: one function for the importer and ingest (news/).
using news::PlainParagraphsToMarkdown;

// Text without control characters (tabs become spaces; other C0/C1 controls, DEL and the byte
// order mark are dropped; line breaks are kept) and without Unicode white space at either end.
// Expects valid UTF-8; ill-formed bytes are kept as they are.
std::string CleanText(std::string_view text);

// CleanText for one-line fields (headlines, names): line breaks become spaces.
std::string CleanLine(std::string_view text);

// The non-empty lines of text, each cleaned with CleanText: the paragraphs of a plain-text
// body whose paragraphs sit one to a line, with or without blank lines between them.
std::vector<std::string> ParagraphsFromLines(std::string_view text);

}  // namespace gazette::importer
