// The server's HTTP behaviour, driven over raw TCP: keep-alive, pipelining, HEAD, limits,
// path checks, routing statuses, conditional requests. Waits are generous upper bounds; no test
// asserts how fast anything happens.
#include <gtest/gtest.h>

#include "http/test_support.hpp"

namespace gazette::http::test_support {
namespace {

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Start();
  RawClient client(port());
  client.Send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  client.Send("GET /items/2?q=a+b HTTP/1.1\r\nHost: x\r\n\r\n");
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(first->body(), "item 1");
  EXPECT_EQ(second->body(), "item 2 q=a b");
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveAsked) {
  Start();
  {
    RawClient client(port());
    client.Send("GET /hello HTTP/1.0\r\n\r\n");
    auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->version(), 10u);
    EXPECT_EQ(response->body(), "hello\n");
    EXPECT_TRUE(client.ClosedWithin());
  }
  RawClient client(port());
  client.Send("GET /items/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  client.Send("GET /items/2 HTTP/1.0\r\n\r\n");
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body(), "item 2");
  EXPECT_TRUE(client.ClosedWithin());
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  RawClient client(port());
  client.Send(
      "GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody"
      "GET /items/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::vector<std::string> bodies;
  for (int i = 0; i < 3; ++i) {
    auto response = client.Read();
    ASSERT_TRUE(response) << i;
    bodies.push_back(response->body());
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"item 1", "body", "item 3"}));
  EXPECT_TRUE(client.ClosedWithin());
}

TEST_F(ServerTest, HeadSendsGetHeadersWithoutBody) {
  Start();
  RawClient client(port());
  client.Send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200);
  EXPECT_EQ((*head)[beast::http::field::content_length], "6");
  // Had a body been sent, it would be read here as the next response's start.
  client.Send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n");
  auto next = client.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body(), "item 9");
}

TEST_F(ServerTest, BodiesOfGetAreReadAndIgnored) {
  Start();
  RawClient client(port());
  client.Send(
      "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
      "GET /items/2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
      "GET /items/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  for (std::string_view expected : {"hello\n", "item 2", "item 3"}) {
    auto response = client.Read();
    ASSERT_TRUE(response) << expected;
    EXPECT_EQ(response->body(), expected);
  }
}

TEST_F(ServerTest, PostBodiesReachHandlers) {
  Start();
  auto plain = Exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body(), "hello world");
  auto chunked = Exchange(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->body(), "hello world");
  RawClient client(port());
  client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  auto go_on = client.Read(/*head=*/true);
  ASSERT_TRUE(go_on);
  EXPECT_EQ(go_on->result_int(), 100);
  client.Send("ok");
  auto echoed = client.Read();
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->body(), "ok");
}

// Each refused request gets its status, then the connection closes.
void ExpectRefused(std::uint16_t port, std::string_view request, int status) {
  RawClient client(port);
  client.Send(request);
  auto response = client.Read();
  ASSERT_TRUE(response) << "no answer, expected " << status;
  EXPECT_EQ(response->result_int(), status) << request.substr(0, 60);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.ClosedWithin()) << status;
}

TEST_F(ServerTest, LongRequestLineIs414) {
  Start();
  std::string over_target = "/" + std::string(2000, 'a');  // Over the target limit only.
  ExpectRefused(port(), "GET " + over_target + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
  std::string over_header = "/" + std::string(10000, 'a');  // Over the header limit too.
  ExpectRefused(port(), "GET " + over_header + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
}

TEST_F(ServerTest, LargeHeaderBlockIs431) {
  Start();
  std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 40; ++i) request += "X-Filler-" + std::to_string(i) + ": " + std::string(200, 'v') + "\r\n";
  ExpectRefused(port(), request + "\r\n", 431);
}

TEST_F(ServerTest, LargeBodyIs413) {
  Start();
  ExpectRefused(port(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", 413);
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'b') + "\r\n";
  ExpectRefused(port(), chunked + "0\r\n\r\n", 413);
}

TEST_F(ServerTest, MalformedRequestsAre400) {
  Start();
  for (std::string_view request : {
           "garbage\r\n\r\n",
           "GET /hello HTTP/9.9\r\n\r\n",
           "GET /hello HTTP/1.1\r\nBad Header: x\r\n\r\n",
           "GET /hello HTTP/1.1\r\nContent-Length: x\r\n\r\n",
           "GET /a/../b HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /a%00 HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
       }) {
    SCOPED_TRACE(request);
    ExpectRefused(port(), request, 400);
  }
}

TEST_F(ServerTest, RoutingStatuses) {
  Start();
  auto missing = Exchange("GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->result_int(), 404);
  auto wrong_method = Exchange("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->result_int(), 405);
  EXPECT_EQ((*wrong_method)[beast::http::field::allow], "GET, HEAD");
  auto failing = Exchange("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(failing);
  EXPECT_EQ(failing->result_int(), 500);
  EXPECT_EQ(failing->body().find("handler bug"), std::string::npos);
}

TEST_F(ServerTest, StaticAssetAnswers304ToMatchingValidators) {
  Start();
  auto full = Exchange("GET /static/site.css HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->result_int(), 200);
  EXPECT_EQ(full->body(), "body{color:#222}");
  EXPECT_EQ((*full)[beast::http::field::content_type], "text/css; charset=utf-8");
  EXPECT_EQ((*full)[beast::http::field::cache_control], kStaticCacheControl);
  const std::string etag((*full)[beast::http::field::etag]);
  ASSERT_FALSE(etag.empty());

  struct Case {
    std::string conditions;
    int status;
  };
  const Case cases[] = {
      {"If-None-Match: " + etag, 304},
      {"If-None-Match: \"other\", W/" + etag, 304},
      {"If-None-Match: *", 304},
      {"If-None-Match: \"other\"", 200},
      {"If-Modified-Since: " + std::string(kLastModified), 304},
      {"If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT", 304},
      {"If-Modified-Since: Sat, 05 Nov 1994 00:00:00 GMT", 200},
      {"If-None-Match: \"other\"\r\nIf-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT", 200},
  };
  for (const Case& c : cases) {
    RawClient client(port());
    client.Send("GET /static/site.css HTTP/1.1\r\nHost: x\r\n" + c.conditions + "\r\n\r\n");
    auto response = client.Read();
    ASSERT_TRUE(response) << c.conditions;
    EXPECT_EQ(response->result_int(), c.status) << c.conditions;
    EXPECT_EQ((*response)[beast::http::field::etag], etag);
    if (c.status == 304) {
      EXPECT_TRUE(response->body().empty());
      EXPECT_TRUE((*response)[beast::http::field::content_type].empty());
      // The connection stays usable: no stray body bytes follow a 304.
      client.Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
      auto next = client.Read();
      ASSERT_TRUE(next);
      EXPECT_EQ(next->body(), "hello\n");
    }
  }
}

}  // namespace
}  // namespace gazette::http::test_support
