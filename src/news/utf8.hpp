#pragma once
// UTF-8 checks for text that arrives from outside: data sets, requests, forms, wires.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::news {

// True when text is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view text);

// Byte offset of the first ill-formed sequence, or nothing when the text is valid.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

// Keeps valid UTF-8 and reads each ill-formed byte as Latin-1 (0xA3 becomes "£"): what a
// Windows-1252/Latin-1 file mixed into a UTF-8 data set needs.
std::string RepairAsLatin1(std::string_view text);

}  // namespace gazette::news
