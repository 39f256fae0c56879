-- The first schema: articles with their sections, tags, sources and authors; site settings.
-- Times are UTC seconds since the Unix epoch.
CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  language TEXT NOT NULL CHECK (language IN ('en', 'ar')),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (language, slug)
);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  language TEXT NOT NULL CHECK (language IN ('en', 'ar')),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (language, slug)
);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  language TEXT NOT NULL CHECK (language IN ('en', 'ar')),
  slug TEXT NOT NULL,
  headline TEXT NOT NULL,
  standfirst TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  body_markdown TEXT NOT NULL DEFAULT '',
  source_id INTEGER REFERENCES sources (id),
  author_id INTEGER REFERENCES authors (id),
  section_id INTEGER NOT NULL REFERENCES sections (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  -- Fingerprint of the saved content, so that saving the same draft again changes nothing.
  content_hash TEXT NOT NULL,
  UNIQUE (language, slug)
);

CREATE INDEX articles_by_edition ON articles (language, status, published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;

CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
