-- The newsroom (docs/newsroom.md); mirrors sqlite/migrations/005_newsroom.sql, times as timestamptz:
-- correction notes and the audit log.
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'reporter', 'moderator')),
  password_hash text NOT NULL,  -- crypto_pwhash_str (Argon2id); never the password.
  disabled boolean NOT NULL DEFAULT false,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  last_failed_at timestamptz,
  locked_until timestamptz,
  created_at timestamptz NOT NULL
);

-- Only the hash of the cookie's id is kept: a leaked table signs nobody in.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_secret text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE story_owners (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  user_id bigint REFERENCES users (id) ON DELETE SET NULL
);

-- The whole content at each save from the newsroom; user_name survives the user.
CREATE TABLE story_revisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  user_name text NOT NULL,
  saved_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  language text NOT NULL,
  slug text NOT NULL,
  headline text NOT NULL,
  standfirst text NOT NULL,
  dateline text NOT NULL,
  body_markdown text NOT NULL,
  source text NOT NULL,
  byline text NOT NULL,
  section_name text NOT NULL,
  section_slug text NOT NULL,
  tags text NOT NULL,  -- Names joined by "\n".
  status text NOT NULL,
  published_at timestamptz
);
CREATE INDEX story_revisions_by_article ON story_revisions (article_id, id);

CREATE TABLE article_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('correction', 'update')),
  text text NOT NULL,
  user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX article_notes_by_article ON article_notes (article_id, created_at, id);

-- No foreign key on user_id: the log outlives the accounts it names.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id bigint,
  user_name text NOT NULL,
  action text NOT NULL,
  target text NOT NULL DEFAULT '',
  detail text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
