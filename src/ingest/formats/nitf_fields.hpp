#pragma once
// The fields of an NITF document, shared by the NITF parser and NewsML 1 (which carries NITF).
#include <pugixml.hpp>

#include "news/wire_item.hpp"

namespace gazette::ingest::formats {

// Fills what the <nitf> element says into item, leaving fields it lacks as they are.
void ReadNitf(const pugi::xml_node& nitf, news::WireItem& item);

}  // namespace gazette::ingest::formats
