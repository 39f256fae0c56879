#include "importer/markdown_check.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace gazette::importer::testing {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

[[noreturn]] void Unexpected(cmark_node* node) {
  throw std::runtime_error(std::string("unexpected ") + cmark_node_get_type_string(node) + " node");
}

}  // namespace

std::vector<std::string> RenderedParagraphs(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (auto* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  std::vector<std::string> paragraphs;
  for (cmark_node* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
    if (cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH) Unexpected(block);
    std::string text;
    for (cmark_node* inline_node = cmark_node_first_child(block); inline_node;
         inline_node = cmark_node_next(inline_node)) {
      if (cmark_node_get_type(inline_node) != CMARK_NODE_TEXT) Unexpected(inline_node);
      text += cmark_node_get_literal(inline_node);
    }
    paragraphs.push_back(std::move(text));
  }
  return paragraphs;
}

}  // namespace gazette::importer::testing
