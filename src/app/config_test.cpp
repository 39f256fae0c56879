#include <gtest/gtest.h>

#include <fstream>

#include "app/config.hpp"
#include "news/error.hpp"

namespace gazette::app {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(std::string_view text) {
    path_ = std::filesystem::temp_directory_path() /
            ("gazette-config-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // The message of the error that loading this file raises, or "" when it loads.
  std::string ErrorFor(std::string_view text, const Environment& environment = {}) {
    try {
      LoadConfig(Write(text), environment);
      return "";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kInvalid);
      return e.what();
    }
  }

  std::filesystem::path path_;
};

TEST_F(ConfigTest, DefaultsNeedNoFile) {
  const auto config = LoadConfig(std::nullopt, {});
  EXPECT_EQ(config.server.address, "127.0.0.1");
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_EQ(config.site.timestamp_format, "GMT %H:%M %Y %A ,%d %B");
  EXPECT_EQ(config.site.related_count, 5);
  EXPECT_EQ(config.site.languages.size(), 2u);
}

TEST_F(ConfigTest, ReadsTheFileAndLetsTheEnvironmentWin) {
  const auto config = LoadConfig(Write(R"(
[site]
name = "Arab Today"
base_url = "https://example.org/"
footer_lines = ["Line one", "Line two"]
languages = ["ar"]
[server]
listen = "0.0.0.0:9000"
threads = 2
[database]
url = "site.db"
)"), {{"GAZETTE_LISTEN", "127.0.0.1:9100"}, {"GAZETTE_DATABASE", "other.db"}, {"GAZETTE_API_TOKEN", "s3cret"}});
  EXPECT_EQ(config.site.name, "Arab Today");
  EXPECT_EQ(config.site.base_url, "https://example.org");
  EXPECT_EQ(config.site.footer_lines, (std::vector<std::string>{"Line one", "Line two"}));
  EXPECT_EQ(config.site.languages, std::vector<news::Language>{news::Language::kArabic});
  EXPECT_EQ(config.server.threads, 2);
  EXPECT_EQ(config.server.address, "127.0.0.1");
  EXPECT_EQ(config.server.port, 9100);
  EXPECT_EQ(config.database, "other.db");
  EXPECT_EQ(config.api_token, "s3cret");
}

TEST_F(ConfigTest, NamesTheKeyAndWhatIsWrong) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"[site]\nnmae = \"x\"", "site.nmae: unknown key"},
      {"[site]\npage_size = \"ten\"", "site.page_size: must be a whole number"},
      {"[site]\npage_size = 0", "site.page_size: must be between 1 and 200, not 0"},
      {"[site]\nlanguages = [\"fr\"]", "site.languages: 'fr' is not an edition"},
      {"[site]\ntimestamp_format = \"%Q\"", "site.timestamp_format: '%Q' has a directive"},
      {"[site]\nbase_url = \"example.org\"", "site.base_url: must start with http://"},
      {"[site]\nfooter_lines = \"one line\"", "site.footer_lines: must be an array of strings"},
      {"[server]\nlisten = \"8080\"", "server.listen: '8080' is not host:port"},
      {"[server]\nlisten = \"127.0.0.1:99999\"", "is not host:port"},
      {"[server]\ntrusted_proxies = [\"10.0.0.0/33\"]", "server.trusted_proxies: trusted proxy \"10.0.0.0/33\" is neither"},
      {"[server]\ntrusted_proxies = \"127.0.0.1\"", "server.trusted_proxies: must be an array of strings"},
      {"[sever]\nlisten = \"127.0.0.1:1\"", "sever: unknown section or key"},
      {"site = 3", "site: must be a table"},
      {"[site\nname = 1", ".toml:1:"},
  };
  for (const auto& [text, expected] : cases) {
    const auto message = ErrorFor(text);
    EXPECT_NE(message.find(expected), std::string::npos) << "config:\n" << text << "\nmessage: " << message;
    EXPECT_NE(message.find(path_.string()), std::string::npos) << message;
  }
  EXPECT_NE(ErrorFor("", {{"GAZETTE_LISTEN", "nonsense"}}).find("GAZETTE_LISTEN"), std::string::npos);
}

TEST_F(ConfigTest, AMissingFileIsNotFound) {
  try {
    LoadConfig("/nonexistent/gazette.toml", {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/gazette.toml"), std::string::npos);
  }
}

TEST_F(ConfigTest, ParsesIpv6Listen) {
  http::ServerSettings server;
  ParseListen("[::1]:8081", "listen", server);
  EXPECT_EQ(server.address, "::1");
  EXPECT_EQ(server.port, 8081);
}

}  // namespace
}  // namespace gazette::app
