-- Published articles counted per section and per tag, so that a list's total for paging is one
-- row instead of a count over its index. Mirrors sqlite/migrations/006_published_counts.sql:
-- keyed by the article's language, an edition's total is the sum over its sections, and a row
-- exists only while its count is above zero. Tables named *_counts are derived: `gazette
-- migrate` compares them but never copies them.
CREATE TABLE published_section_counts (
  section_id bigint NOT NULL REFERENCES sections (id),
  language text NOT NULL,
  published bigint NOT NULL,
  PRIMARY KEY (section_id, language)
);

CREATE TABLE published_tag_counts (
  tag_id bigint NOT NULL REFERENCES tags (id),
  language text NOT NULL,
  published bigint NOT NULL,
  PRIMARY KEY (tag_id, language)
);

INSERT INTO published_section_counts (section_id, language, published)
  SELECT section_id, language, COUNT(*) FROM articles WHERE status = 'published' GROUP BY section_id, language;

INSERT INTO published_tag_counts (tag_id, language, published)
  SELECT at.tag_id, a.language, COUNT(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
  WHERE a.status = 'published' GROUP BY at.tag_id, a.language;

-- Unlike SQLite's one writer, transactions here run side by side. Updating a count row at once
-- would hold its lock until commit, queueing every save in that section behind the others, and
-- two batches naming the same tags in another order would deadlock. So each change is noted
-- here, and at commit one deferred trigger adds up the transaction's changes and applies them
-- in key order. Empty between transactions.
CREATE TABLE published_count_changes (
  section_id bigint,
  tag_id bigint,
  language text NOT NULL,
  change integer NOT NULL,
  first_of_transaction boolean NOT NULL  -- The one row whose insert queues the commit's apply.
);

CREATE FUNCTION note_published_count_change(p_section_id bigint, p_tag_id bigint, p_language text, p_change integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO published_count_changes (section_id, tag_id, language, change, first_of_transaction)
    VALUES (p_section_id, p_tag_id, p_language, p_change,
            current_setting('gazette.published_counts_noted', true) IS DISTINCT FROM 'on');
  -- Local: reset at the end of the transaction, and by the rollback of a savepoint.
  PERFORM set_config('gazette.published_counts_noted', 'on', true);
END $$;

CREATE FUNCTION apply_published_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied bigint[];
BEGIN
  -- Only this transaction's rows are visible: every other one removed its own before committing.
  -- ORDER BY: every transaction locks count rows in the same order, so none waits in a cycle.
  WITH moved AS (DELETE FROM published_count_changes WHERE section_id IS NOT NULL
                 RETURNING section_id, language, change),
       applied AS (INSERT INTO published_section_counts AS c (section_id, language, published)
                   SELECT section_id, language, SUM(change) FROM moved GROUP BY section_id, language
                   HAVING SUM(change) <> 0 ORDER BY section_id, language
                   ON CONFLICT (section_id, language) DO UPDATE SET published = c.published + EXCLUDED.published
                   RETURNING section_id, published)
  SELECT array_agg(section_id) FILTER (WHERE published = 0) INTO emptied FROM applied;
  DELETE FROM published_section_counts WHERE section_id = ANY (emptied) AND published = 0;

  WITH moved AS (DELETE FROM published_count_changes WHERE tag_id IS NOT NULL
                 RETURNING tag_id, language, change),
       applied AS (INSERT INTO published_tag_counts AS c (tag_id, language, published)
                   SELECT tag_id, language, SUM(change) FROM moved GROUP BY tag_id, language
                   HAVING SUM(change) <> 0 ORDER BY tag_id, language
                   ON CONFLICT (tag_id, language) DO UPDATE SET published = c.published + EXCLUDED.published
                   RETURNING tag_id, published)
  SELECT array_agg(tag_id) FILTER (WHERE published = 0) INTO emptied FROM applied;
  DELETE FROM published_tag_counts WHERE tag_id = ANY (emptied) AND published = 0;

  PERFORM set_config('gazette.published_counts_noted', 'off', true);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER published_count_changes_apply AFTER INSERT ON published_count_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.first_of_transaction)
  EXECUTE FUNCTION apply_published_count_changes();

-- An article leaving its lists (published before, or moved) and entering them (published now).
-- On INSERT its tags come after it and count themselves; on DELETE this runs BEFORE, while its
-- tags are still there: the ON DELETE CASCADE runs once the article is gone, when
-- article_tags_published_counts no longer finds it published.
CREATE FUNCTION articles_published_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
    PERFORM note_published_count_change(OLD.section_id, NULL, OLD.language, -1);
    PERFORM note_published_count_change(NULL, tag_id, OLD.language, -1) FROM article_tags WHERE article_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
    PERFORM note_published_count_change(NEW.section_id, NULL, NEW.language, 1);
    PERFORM note_published_count_change(NULL, tag_id, NEW.language, 1) FROM article_tags WHERE article_id = NEW.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER articles_counted_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION articles_published_counts();
-- Saving an article sets every column: only a change of status, section or edition moves it.
CREATE TRIGGER articles_counted_update AFTER UPDATE OF status, section_id, language ON articles
  FOR EACH ROW WHEN ((OLD.status = 'published' OR NEW.status = 'published')
                     AND (OLD.status, OLD.section_id, OLD.language) IS DISTINCT FROM (NEW.status, NEW.section_id, NEW.language))
  EXECUTE FUNCTION articles_published_counts();
CREATE TRIGGER articles_counted_delete BEFORE DELETE ON articles
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION articles_published_counts();

CREATE FUNCTION article_tags_published_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM note_published_count_change(NULL, OLD.tag_id, a.language, -1)
      FROM articles a WHERE a.id = OLD.article_id AND a.status = 'published';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM note_published_count_change(NULL, NEW.tag_id, a.language, 1)
      FROM articles a WHERE a.id = NEW.article_id AND a.status = 'published';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER article_tags_counted AFTER INSERT OR DELETE OR UPDATE OF article_id, tag_id ON article_tags
  FOR EACH ROW EXECUTE FUNCTION article_tags_published_counts();
