#pragma once
// Article bodies: CommonMark with GitHub's extensions (tables, strikethrough, autolinks), to
// HTML. Bodies are stored as Markdown because editors write Markdown (a plain-text format that
// diffs well for revisions) and because cmark-gfm's safe mode drops raw HTML, so no body can
// carry script into a page, whatever the wire or the editor sent.
#include <string>
#include <string_view>

namespace gazette::render {

// Safe HTML for the body: raw HTML and javascript:/vbscript:/file:/data: (except images) links
// are dropped by cmark-gfm. Thread-safe.
std::string MarkdownToHtml(std::string_view markdown);

}  // namespace gazette::render
