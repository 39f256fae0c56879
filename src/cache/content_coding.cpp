#include "cache/content_coding.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <charconv>
#include <cstdint>
#include <stdexcept>

#include <boost/beast/core/string.hpp>

namespace gazette::cache {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The q value of one Accept-Encoding member's parameters ("q=0.5"), in thousandths; 1000 when
// absent, -1 when malformed.
int Quality(std::string_view parameters) {
  int quality = 1000;
  while (!parameters.empty()) {
    auto semicolon = parameters.find(';');
    auto parameter = Trim(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? std::string_view{} : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=') continue;
    auto value = Trim(parameter.substr(2));
    if (value.empty() || (value[0] != '0' && value[0] != '1')) return -1;
    // "0", "0.5", "0.125", "1", "1.000": at most three decimals.
    int whole = value[0] - '0', thousandths = 0, digits = 0;
    if (value.size() > 1) {
      if (value[1] != '.' || value.size() > 5) return -1;
      for (char c : value.substr(2)) {
        if (c < '0' || c > '9') return -1;
        thousandths = thousandths * 10 + (c - '0');
        ++digits;
      }
    }
    for (; digits < 3; ++digits) thousandths *= 10;
    quality = whole * 1000 + thousandths;
    if (quality > 1000) return -1;
  }
  return quality;
}

}  // namespace

std::string_view CodingName(Coding coding) {
  switch (coding) {
    case Coding::kGzip: return "gzip";
    case Coding::kBrotli: return "br";
    case Coding::kIdentity: break;
  }
  return "";
}

Coding NegotiateCoding(std::string_view accept_encoding) {
  int br = -1, gzip = -1, any = -1;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto member = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    auto semicolon = member.find(';');
    auto name = Trim(member.substr(0, semicolon));
    int quality = semicolon == std::string_view::npos ? 1000 : Quality(member.substr(semicolon + 1));
    if (quality < 0) continue;
    if (boost::beast::iequals(name, "br")) br = quality;
    else if (boost::beast::iequals(name, "gzip") || boost::beast::iequals(name, "x-gzip")) gzip = quality;
    else if (name == "*") any = quality;
  }
  // A coding not named takes the "*" quality.
  if (br < 0) br = any;
  if (gzip < 0) gzip = any;
  if (br > 0) return Coding::kBrotli;
  if (gzip > 0) return Coding::kGzip;
  return Coding::kIdentity;
}

std::string Gzip(std::string_view bytes, int level) {
  z_stream stream{};
  // 15 window bits + 16: a gzip wrapper rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

std::string Brotli(std::string_view bytes, int quality) {
  std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  if (size == 0) size = bytes.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const std::uint8_t*>(bytes.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli: compression failed");
  out.resize(size);
  return out;
}

}  // namespace gazette::cache
