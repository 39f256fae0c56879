// `gazette migrate --to`: the real demo data (seed, BBC, Arabic) moved SQLite -> PostgreSQL ->
// SQLite keeps every row (same counts and checksums) and serves the same pages. Needs
// ../shared/data and GAZETTE_TEST_POSTGRES_URL; skips loudly without either. docs/migrate.md.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseHtml } from '../lib/html.mjs';
import { createDatabase, dropDatabase, postgresMissing } from '../lib/postgres.mjs';
import { allSharedData, runGazette, serve, sharedDataMissing, siteConfig, Workspace } from '../lib/server.mjs';

const skip = sharedDataMissing() ?? postgresMissing();
if (postgresMissing()) process.stderr.write(`\n!!! SKIPPING the migrate round trip: ${postgresMissing()}\n\n`);

// The table lines of migrate's report: { table: { rows, copied, source, destination, verdict } }.
function report(stdout) {
  const tables = {};
  for (const line of stdout.split('\n')) {
    const match = /^(\w+)\s+(\d+)\s+(\d+)\s+([0-9a-f]{32})\s+([0-9a-f]{32})\s+(ok|MISMATCH)$/.exec(line);
    if (match) {
      const [, table, rows, copied, source, destination, verdict] = match;
      tables[table] = { rows: Number(rows), copied: Number(copied), source, destination, verdict };
    }
  }
  return tables;
}

async function migrate(from, to) {
  return runGazette(['migrate', ...from.configArgs(), '--to', to], { env: from.env() });
}

// A comment form carries a token minted when the page is rendered; everything else must match.
function comparable(html) {
  return html.replace(/name="token" value="[^"]*"/g, 'name="token" value=""');
}

describe('gazette migrate, SQLite -> PostgreSQL -> SQLite on the demo data', { skip }, () => {
  let original;   // SQLite, loaded with the demo data
  let postgres;   // { name, url }
  let roundTrip;  // SQLite, copied back from PostgreSQL
  let there;
  let back;

  before(async () => {
    original = await Workspace.create({ config: siteConfig, store: 'sqlite' });
    await original.load(allSharedData);
    // A closed comment thread: a boolean column (0/1 in SQLite, boolean in PostgreSQL).
    const closed = await runGazette(['comments', ...original.configArgs(), 'close', '/en/business/lacroix-label-bought-by-us-firm'],
      { env: original.env() });
    assert.equal(closed.code, 0, closed.stderr);
    postgres = await createDatabase('gazette_migrate');
    roundTrip = await Workspace.create({ config: siteConfig, store: 'sqlite' });
    roundTrip.database = path.join(roundTrip.dir, 'round-trip.db');
    there = await migrate(original, postgres.url);
    const onPostgres = await Workspace.create({ config: siteConfig, store: 'sqlite' });
    onPostgres.database = postgres.url;
    back = await migrate(onPostgres, roundTrip.database);
    await onPostgres.remove();
  });
  after(async () => {
    await original?.remove();
    await roundTrip?.remove();
    if (postgres) await dropDatabase(postgres.name);
  });

  it('copies every table there and back with matching counts and checksums', () => {
    assert.equal(there.code, 0, `${there.stdout}\n${there.stderr}`);
    assert.equal(back.code, 0, `${back.stdout}\n${back.stderr}`);
    const first = report(there.stdout);
    const second = report(back.stdout);
    for (const table of ['articles', 'article_tags', 'tags', 'sections', 'sources', 'authors', 'settings', 'comments']) {
      assert.ok(first[table], `no line for ${table} in\n${there.stdout}`);
    }
    assert.ok(first.articles.rows > 2000, `only ${first.articles.rows} articles: the demo data did not load`);
    for (const [table, line] of Object.entries(first)) {
      assert.equal(line.verdict, 'ok', table);
      assert.equal(line.copied, line.rows, table);
      // Moved and moved back: the same rows as the original, table by table.
      assert.deepEqual(second[table], line, `${table} differs after the round trip`);
    }
    assert.deepEqual(Object.keys(second).sort(), Object.keys(first).sort());
  });

  it('refuses to copy into a database that is not empty', async () => {
    const again = await migrate(original, postgres.url);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /is not empty: table \w+ holds \d+ rows/);
  });

  it('serves the same pages from the original, PostgreSQL and the round-tripped copy', async () => {
    const onPostgres = await Workspace.create({ config: siteConfig, store: 'sqlite' });
    onPostgres.database = postgres.url;
    const servers = [await serve(original), await serve(onPostgres), await serve(roundTrip)];
    try {
      const targets = new Set(['/en/', '/ar/', '/en/business/', '/en/business/lacroix-label-bought-by-us-firm']);
      for (const home of ['/en/', '/ar/']) {
        const doc = parseHtml(await (await servers[0].fetch(home)).text());
        const links = doc.querySelectorAll('a').map((a) => a.attrs.href)
          .filter((href) => /^\/(en|ar)\/[^/]+\/[^/]+$/.test(href ?? '') && !href.includes('/tag/'));
        for (const href of links.slice(0, 4)) targets.add(href);
        const tag = doc.querySelectorAll('a').map((a) => a.attrs.href).find((href) => /\/tag\//.test(href ?? ''));
        if (tag) targets.add(tag);
      }
      assert.ok(targets.size >= 8, `too few pages to compare: ${[...targets]}`);
      for (const target of targets) {
        const pages = [];
        for (const server of servers) {
          const response = await server.fetch(target);
          pages.push({ status: response.status, html: comparable(await response.text()) });
        }
        assert.equal(pages[0].status, 200, target);
        assert.deepEqual(pages[1], pages[0], `${target} differs on PostgreSQL`);
        assert.deepEqual(pages[2], pages[0], `${target} differs after the round trip`);
      }
    } finally {
      for (const server of servers) await server.stop({ keepWorkspace: true });
      await onPostgres.remove();
    }
  });
});
