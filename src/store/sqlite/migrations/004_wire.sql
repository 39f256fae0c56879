-- Wire ingest (docs/ingest.md): the ledger of agency items applied, one row per (provider,
-- GUID) holding the newest version applied, and the revisions of the articles they made.
CREATE TABLE wire_items (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('usable', 'withdrawn')),
  format TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (provider, guid)
);

CREATE INDEX wire_items_by_article ON wire_items (article_id);

-- The copy of every version applied to an article, the current one included.
CREATE TABLE article_revisions (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  headline TEXT NOT NULL,
  standfirst TEXT NOT NULL DEFAULT '',
  byline TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  body_markdown TEXT NOT NULL DEFAULT '',
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, version)
) WITHOUT ROWID;
