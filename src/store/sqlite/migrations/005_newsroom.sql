-- The newsroom (docs/newsroom.md): accounts, sessions, API tokens, story owners, revisions,
-- correction notes and the audit log.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reporter', 'moderator')),
  password_hash TEXT NOT NULL,  -- crypto_pwhash_str (Argon2id); never the password.
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  last_failed_at INTEGER,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
);

-- Only the hash of the cookie's id is kept: a leaked table signs nobody in.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE story_owners (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- The whole content at each save from the newsroom; user_name survives the user.
CREATE TABLE story_revisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  slug TEXT NOT NULL,
  headline TEXT NOT NULL,
  standfirst TEXT NOT NULL,
  dateline TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  source TEXT NOT NULL,
  byline TEXT NOT NULL,
  section_name TEXT NOT NULL,
  section_slug TEXT NOT NULL,
  tags TEXT NOT NULL,  -- Names joined by "\n".
  status TEXT NOT NULL,
  published_at INTEGER
);
CREATE INDEX story_revisions_by_article ON story_revisions (article_id, id);

CREATE TABLE article_notes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
  text TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX article_notes_by_article ON article_notes (article_id, created_at, id);

-- No foreign key on user_id: the log outlives the accounts it names.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
