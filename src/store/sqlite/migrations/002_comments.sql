-- Visitors' comments (docs/comments.md), and a switch per article to close them.
ALTER TABLE articles ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1;

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  -- Exact duplicates are refused by this index: crypto_generichash of the body, hex.
  body_hash TEXT NOT NULL,
  client_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  created_at INTEGER NOT NULL,
  UNIQUE (article_id, body_hash)
);

CREATE INDEX comments_by_article ON comments (article_id, status, created_at, id);
CREATE INDEX comments_by_status ON comments (status, created_at, id);
