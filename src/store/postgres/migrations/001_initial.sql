-- The first schema: articles with their sections, tags, sources and authors; site settings.
-- Mirrors sqlite/migrations/001_initial.sql; times are timestamptz (docs/postgresql.md).
CREATE TABLE sections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  language text NOT NULL CHECK (language IN ('en', 'ar')),
  slug text NOT NULL,
  name text NOT NULL,
  UNIQUE (language, slug)
);

CREATE TABLE tags (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  language text NOT NULL CHECK (language IN ('en', 'ar')),
  slug text NOT NULL,
  name text NOT NULL,
  UNIQUE (language, slug)
);

CREATE TABLE sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE authors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE articles (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text UNIQUE,
  language text NOT NULL CHECK (language IN ('en', 'ar')),
  slug text NOT NULL,
  headline text NOT NULL,
  standfirst text NOT NULL DEFAULT '',
  dateline text NOT NULL DEFAULT '',
  body_markdown text NOT NULL DEFAULT '',
  source_id bigint REFERENCES sources (id),
  author_id bigint REFERENCES authors (id),
  section_id bigint NOT NULL REFERENCES sections (id),
  status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  -- Fingerprint of the saved content, so that saving the same draft again changes nothing.
  content_hash text NOT NULL,
  UNIQUE (language, slug)
);

-- NULLS LAST: the order SQLite gives, and the one the list queries ask for.
CREATE INDEX articles_by_edition ON articles (language, status, published_at DESC NULLS LAST, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC NULLS LAST, id DESC);

CREATE TABLE article_tags (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tags (id),
  position integer NOT NULL,
  PRIMARY KEY (article_id, tag_id)
);

CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
