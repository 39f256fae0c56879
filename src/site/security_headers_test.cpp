#include "site/security_headers.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

std::vector<std::string> Values(const http::Response& response, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [field, value] : response.headers)
    if (field == name) values.push_back(value);
  return values;
}

TEST(SecurityHeadersTest, HtmlPagesGetAllThree) {
  auto response = http::Html(200, "<p>x</p>");
  AddSecurityHeaders(response);
  EXPECT_EQ(Values(response, "X-Content-Type-Options"), std::vector<std::string>{"nosniff"});
  EXPECT_EQ(Values(response, "Referrer-Policy"), std::vector<std::string>{"strict-origin-when-cross-origin"});
  EXPECT_EQ(Values(response, "Content-Security-Policy"),
            std::vector<std::string>{"default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"});
}

TEST(SecurityHeadersTest, ReplacesTheHandlersCopies) {
  auto response = http::Html(404, "<p>x</p>");
  response.Header("content-security-policy", "default-src *");
  AddSecurityHeaders(response);
  EXPECT_TRUE(Values(response, "content-security-policy").empty());
  EXPECT_EQ(Values(response, "Content-Security-Policy").size(), 1u);
}

TEST(SecurityHeadersTest, LeavesOtherContentAlone) {
  auto response = http::Json(200, "{}");
  AddSecurityHeaders(response);
  EXPECT_EQ(response.headers.size(), 1u);
}

TEST(SecurityHeadersTest, WrappedHandlersAddThem) {
  auto handler = WithSecurityHeaders([](const http::Request&, const http::PathParams&) { return http::Html(200, "x"); });
  auto response = handler(http::Request{}, http::PathParams{});
  EXPECT_EQ(Values(response, "X-Content-Type-Options").size(), 1u);
}

}  // namespace
}  // namespace gazette::site
