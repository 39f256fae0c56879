-- Visitors' comments (docs/comments.md), and a switch per article to close them.
-- Mirrors sqlite/migrations/002_comments.sql.
ALTER TABLE articles ADD COLUMN comments_open boolean NOT NULL DEFAULT true;

CREATE TABLE comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL DEFAULT '',
  body text NOT NULL,
  -- Exact duplicates are refused by this index: crypto_generichash of the body, hex.
  body_hash text NOT NULL,
  client_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  created_at timestamptz NOT NULL,
  UNIQUE (article_id, body_hash)
);

CREATE INDEX comments_by_article ON comments (article_id, status, created_at, id);
CREATE INDEX comments_by_status ON comments (status, created_at, id);
