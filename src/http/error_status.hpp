#pragma once
// The one place that maps Gazette's error kinds to HTTP statuses.
#include "news/error.hpp"

namespace gazette::http {

// NotFound 404, Invalid 400, Conflict 409, Unavailable 503, Internal 500.
int ErrorStatus(ErrorKind kind);

}  // namespace gazette::http
