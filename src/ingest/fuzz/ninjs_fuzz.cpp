// libFuzzer target for formats::ParseNinjs; tests/fuzz/run.sh builds and runs it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/formats/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    gazette::ingest::formats::ParseNinjs(bytes, gazette::ingest::ParserSettings{});
  } catch (const gazette::ingest::ParseError&) {
    // Refusals are answers; anything else escaping is a bug the fuzzer reports.
  }
  return 0;
}
