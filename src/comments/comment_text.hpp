#pragma once
// Comment text: plain text in, checked; HTML out with every character escaped, http(s) URLs as
// links and line breaks kept (docs/comments.md, "Text"). Pure functions.
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::comments {

// "\r\n" and lone "\r" become "\n", as browsers send textareas with CRLF.
std::string NormalizeNewlines(std::string_view text);

// Code points in valid UTF-8.
std::size_t CodePoints(std::string_view utf8);

// True when valid UTF-8 holds a C0 control (other than "\n" when allowed), DEL or a C1 control.
bool HasControlCharacters(std::string_view utf8, bool allow_newline);

// How many http:// or https:// URLs the text holds (the ones CommentHtml links).
int CountLinks(std::string_view text);

// Text to show back in a form: ill-formed bytes and controls (but "\n") become U+FFFD.
std::string Printable(std::string_view text);

// The comment as HTML: every character escaped; http(s) URLs become
// <a href="..." rel="nofollow ugc noopener">; "\n" becomes <br>. Other schemes stay text.
std::string CommentHtml(std::string_view text);

}  // namespace gazette::comments
