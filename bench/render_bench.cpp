// The cost of a cache miss: rendering a page from the store, as the site handler does, plus the
// cache's compression of it in the coding the client asked for. Reads BENCH_DATABASE (a loaded SQLite file) and BENCH_ARTICLE (an
// article path such as /en/business/some-slug-42). Run by bench/run.sh.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/open_store.hpp"
#include "cache/cached_pages.hpp"
#include "render/assets.hpp"
#include "site/public_site.hpp"

namespace {
using namespace gazette;

struct Fixture {
  std::unique_ptr<store::Store> store = app::OpenStore(std::getenv("BENCH_DATABASE"));
  render::Templates templates{render::EmbeddedAssets()};
  render::UiStrings strings{render::EmbeddedAssets()};
  site::PublicSite site{*store, templates, strings, site::SiteSettings{}};
  cache::ResponseCache cache{1 << 20};
  cache::CachedPages pages{cache, cache::CacheSettings{}};
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

// Splits /en/section/slug.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

double P99(const std::vector<double>& values) {
  auto sorted = values;
  std::sort(sorted.begin(), sorted.end());
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(sorted.size() * 0.99))];
}

void BM_RenderArticle(benchmark::State& state) {
  auto& f = Shared();
  const auto parts = Segments(std::getenv("BENCH_ARTICLE"));
  http::Request request;
  request.path = std::getenv("BENCH_ARTICLE");
  for (auto _ : state) {
    auto response = f.site.Article(request, news::Language::kEnglish, parts.at(1), parts.at(2));
    if (response.status != 200) state.SkipWithError("the article did not render");
    benchmark::DoNotOptimize(response.body.data());
  }
}

// What a browser's miss costs: render, then brotli (the coding browsers ask for) for the cache.
void BM_RenderAndBrotliArticle(benchmark::State& state) {
  auto& f = Shared();
  const auto parts = Segments(std::getenv("BENCH_ARTICLE"));
  http::Request request;
  request.path = std::getenv("BENCH_ARTICLE");
  for (auto _ : state) {
    auto page = f.pages.MakePage(f.site.Article(request, news::Language::kEnglish, parts.at(1), parts.at(2)),
                                 cache::Coding::kBrotli);
    benchmark::DoNotOptimize(page.get());
  }
}

void BM_RenderHome(benchmark::State& state) {
  auto& f = Shared();
  http::Request request;
  request.path = "/en/";
  for (auto _ : state) benchmark::DoNotOptimize(f.site.Home(request, news::Language::kEnglish).body.data());
}

// One measurement per iteration, so that the repetitions give a distribution of single renders.
void AsSingleMisses(benchmark::internal::Benchmark* bench) {
  bench->Unit(benchmark::kMicrosecond)->Iterations(1)->Repetitions(300)->ReportAggregatesOnly(true)
      ->ComputeStatistics("p99", P99);
}
BENCHMARK(BM_RenderArticle)->Apply(AsSingleMisses);
BENCHMARK(BM_RenderAndBrotliArticle)->Apply(AsSingleMisses);
BENCHMARK(BM_RenderHome)->Apply(AsSingleMisses);

}  // namespace

BENCHMARK_MAIN();
