-- Wire ingest (docs/ingest.md): the ledger of agency items applied and the revisions of the
-- articles they made. Mirrors sqlite/migrations/004_wire.sql.
CREATE TABLE wire_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text NOT NULL,
  guid text NOT NULL,
  -- 0 only inside the transaction that inserts the row (store/postgres/postgres_wire_store.cpp).
  version bigint NOT NULL,
  article_id bigint REFERENCES articles (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('usable', 'withdrawn')),
  format text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (provider, guid)
);

CREATE INDEX wire_items_by_article ON wire_items (article_id);

CREATE TABLE article_revisions (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version bigint NOT NULL,
  headline text NOT NULL,
  standfirst text NOT NULL DEFAULT '',
  byline text NOT NULL DEFAULT '',
  dateline text NOT NULL DEFAULT '',
  body_markdown text NOT NULL DEFAULT '',
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, version)
);
