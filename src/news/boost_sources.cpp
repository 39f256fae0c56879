// Debian's libboost1.81-dev ships Boost.JSON and Boost.URL as headers only: compile their
// sources once here, for the whole binary.
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
