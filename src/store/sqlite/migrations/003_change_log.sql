-- What each process changed, for the other processes on this file (store/change_feed.hpp):
-- SQLite has no NOTIFY, so they read the rows added since they last looked.
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  node TEXT NOT NULL,
  tags TEXT NOT NULL,  -- Cache tags joined by "\n".
  at INTEGER NOT NULL
);
