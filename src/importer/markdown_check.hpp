#pragma once
// Test helper: what cmark-gfm, set up as render/markdown.cpp sets it up, makes of Markdown.
#include <string>
#include <string_view>
#include <vector>

namespace gazette::importer::testing {

// The text of each paragraph of the document. Throws std::runtime_error naming the node when
// the document holds anything but paragraphs of plain text (a heading, a list, emphasis, a link).
std::vector<std::string> RenderedParagraphs(std::string_view markdown);

}  // namespace gazette::importer::testing
