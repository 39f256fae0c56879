#pragma once
// `gazette load`: reads data sets from disk and saves their stories into the store. Formats,
// detection and mapping: docs/data-loading.md.
#include <cstddef>
#include <filesystem>
#include <vector>

#include "importer/load_report.hpp"
#include "importer/progress_sink.hpp"
#include "store/article_store.hpp"
#include "store/settings_store.hpp"

namespace gazette::importer {

struct LoadSettings {
  // Drafts per SaveAll transaction: one commit per batch is what makes a load fast, and a
  // batch the store rejects is retried one draft at a time, so batches stay modest.
  std::size_t batch_size = 500;
  // Tries with "-2", "-3", ... when a slug belongs to an article from elsewhere.
  int max_slug_tries = 20;
};

// Loads each path in order: a Gazette JSON file (the seed article's shape, one object or an
// array), the BBC News folder (or the folder holding it) or a SaudiNewsNet day file or folder.
// Stories are upserted by external id, so loading the same paths again creates nothing and
// reports every story unchanged. Bad records and unrecognised paths are reported in the
// result and to progress, never fatal. Throws what the store throws when it fails (Error
// kUnavailable, kInternal); batches saved before that stay saved.
LoadReport LoadPaths(const std::vector<std::filesystem::path>& paths, store::ArticleStore& articles,
                     store::SettingsStore& settings, ProgressSink& progress,
                     const LoadSettings& load_settings = {});

}  // namespace gazette::importer
