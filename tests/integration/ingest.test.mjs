// Wire ingest end to end (docs/ingest.md): a drop folder, the push endpoint, feed polling with
// ETag, versions out of order, withdrawal, embargo, and bad input kept in quarantine. Files
// are made from the real IPTC NewsML-G2 sample (tests/lib/ingest.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { apiToken, drop, eventually, newsMl, sampleNewsMl, startIngest } from '../lib/ingest.mjs';

const skip = existsSync(sampleNewsMl) ? false : `no IPTC sample at ${sampleNewsMl}`;

function sql(workspace, query) {
  return workspace.querySync(query);
}

async function push(server, bytes, { source = 'wire', token = apiToken } = {}) {
  const response = await server.fetch(`/api/ingest/${source}`, {
    method: 'POST', body: bytes, headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

describe('wire ingest', { skip }, () => {
  let server;
  let workspace;
  let folder;
  let feedServer;
  let feedRequests = [];
  const feedBody = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>
<link>http://example.com/</link><description>d</description><language>en</language>
<item><title>Feed story arrives</title><guid>feed-1</guid><description>The feed's first story.</description></item>
</channel></rss>`;

  before(async () => {
    feedServer = http.createServer((request, response) => {
      feedRequests.push({ inm: request.headers['if-none-match'] ?? null });
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      response.end(feedBody);
    });
    await new Promise((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    const feedUrl = `http://127.0.0.1:${feedServer.address().port}/feed.xml`;
    ({ server, workspace, drop: folder } = await startIngest({
      ingestExtra: 'poll_interval_ms = 300',
      extra: `[ingest.sources.feeds]\nsection = "Feeds"\nfeeds = ["${feedUrl}"]\n\n[ingest.sources.desk]\npolicy = "hold"\n`,
    }));
  });
  after(async () => {
    await server?.stop();
    await new Promise((resolve) => feedServer?.close(resolve));
  });

  it('publishes a file dropped into the folder and moves it to processed/', async () => {
    await drop(folder, 'story.xml', newsMl({ guid: 'urn:drop:1', headline: 'Dropped wire story' }));
    await eventually(async () => {
      const { response, text } = await server.get('/en/world/dropped-wire-story');
      assert.equal(response.status, 200);
      assert.match(text, /Dropped wire story/);
      assert.match(text, /Reuters/, 'the provider is the source line, through [ingest.providers]');
    });
    await eventually(() => assert.ok(existsSync(path.join(folder, 'processed', 'story.xml'))));
    assert.deepEqual(await readdir(path.join(folder, 'processing')), []);
  });

  it('takes a push with the bearer token and answers with the article URL', async () => {
    assert.equal((await push(server, newsMl({ guid: 'urn:push:0', headline: 'x' }), { token: '' })).status, 401);
    assert.equal((await push(server, newsMl({ guid: 'urn:push:0', headline: 'x' }), { source: 'nope' })).status, 404);
    const { status, body } = await push(server, newsMl({ guid: 'urn:push:1', headline: 'Pushed wire story' }));
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.format, 'newsml-g2');
    assert.equal(body.items[0].url, '/en/world/pushed-wire-story');
    assert.equal((await server.get(body.items[0].url)).response.status, 200);
    const again = await push(server, newsMl({ guid: 'urn:push:1', headline: 'Pushed wire story' }));
    assert.equal(again.status, 200);
    assert.equal(again.body.items[0].outcome, 'stale', 'the same version again changes nothing');
  });

  it('holds a "hold" source\'s items as drafts', async () => {
    const { status, body } = await push(server, newsMl({ guid: 'urn:held:1', headline: 'Held wire story' }), { source: 'desk' });
    assert.equal(status, 201);
    assert.equal(body.items[0].status, 'draft');
    assert.equal((await server.get('/en/world/held-wire-story')).response.status, 404);
  });

  it('applies versions 1, 3, 2 as 1 then 3: the page shows 3, revisions hold 1 and 3', async () => {
    const guid = 'urn:versions:1';
    assert.equal((await push(server, newsMl({ guid, version: 1, headline: 'Version one of the story' }))).status, 201);
    assert.equal((await push(server, newsMl({ guid, version: 3, headline: 'Version three of the story' }))).body.items[0].outcome, 'updated');
    assert.equal((await push(server, newsMl({ guid, version: 2, headline: 'Version two of the story' }))).body.items[0].outcome, 'stale');
    await eventually(async () => {
      const { response, text } = await server.get('/en/world/version-one-of-the-story');
      assert.equal(response.status, 200);
      assert.match(text, /Version three of the story/);
      assert.doesNotMatch(text, /Version two/);
    });
    const id = sql(workspace, `SELECT article_id FROM wire_items WHERE guid = '${guid}'`);
    assert.equal(workspace.querySync(`SELECT group_concat(version, ',') FROM article_revisions WHERE article_id = ${id} ORDER BY version`,
      { postgresql: `SELECT string_agg(version::text, ',' ORDER BY version) FROM article_revisions WHERE article_id = ${id}` }), '1,3');
    assert.equal(sql(workspace, `SELECT version FROM wire_items WHERE guid = '${guid}'`), '3');
  });

  it('unpublishes a story when a withheld or cancelled version arrives', async () => {
    for (const [n, status] of [[1, 'withheld'], [2, 'canceled']]) {
      const guid = `urn:withdraw:${n}`;
      const headline = `Story to withdraw ${n}`;
      await push(server, newsMl({ guid, version: 1, headline }));
      const url = `/en/world/story-to-withdraw-${n}`;
      assert.equal((await server.get(url)).response.status, 200);
      const { body } = await push(server, newsMl({ guid, version: 2, headline, status }));
      assert.equal(body.items[0].outcome, 'withdrawn');
      assert.equal((await server.get(url)).response.status, 404, `${status}: the page is gone, cached copy included`);
    }
  });

  it('publishes an embargoed story only when its embargo ends', async () => {
    const ends = new Date(Date.now() + 4000);
    const embargo = ends.toISOString().replace(/\.\d+Z$/, 'Z');
    const { body } = await push(server, newsMl({ guid: 'urn:embargo:1', headline: 'Embargoed wire story', embargo }));
    assert.equal(body.items[0].status, 'scheduled');
    assert.equal((await server.get('/en/world/embargoed-wire-story')).response.status, 404);
    await eventually(async () => {
      assert.equal((await server.get('/en/world/embargoed-wire-story')).response.status, 200);
    });
    assert.ok(Date.now() >= ends.getTime() - 1000, 'published before its embargo ended');
  });

  it('polls a feed, and a second poll answered 304 applies nothing', async () => {
    await eventually(async () => {
      assert.equal((await server.get('/en/feeds/feed-story-arrives')).response.status, 200);
    });
    assert.equal(feedRequests[0].inm, null);
    const articles = sql(workspace, 'SELECT COUNT(*) FROM articles');
    const updated = sql(workspace, "SELECT updated_at FROM wire_items WHERE guid = 'feed-1'");
    await eventually(() => assert.ok(feedRequests.length >= 3, 'polled again'));
    assert.ok(feedRequests.slice(1).every((request) => request.inm === '"v1"'), 'later polls send If-None-Match');
    assert.equal(sql(workspace, "SELECT COUNT(*) || ':' || MAX(version) FROM wire_items WHERE guid = 'feed-1'"), '1:1');
    assert.equal(sql(workspace, "SELECT updated_at FROM wire_items WHERE guid = 'feed-1'"), updated, '304: nothing re-applied');
    assert.equal(sql(workspace, 'SELECT COUNT(*) FROM articles'), articles);
  });

  it('quarantines bad input with a .error file and the original bytes, and keeps serving', async () => {
    const bad = {
      'malformed.xml': Buffer.from('<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>'),
      'utf8.xml': Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>'), Buffer.from([0xc3, 0x28]), Buffer.from('</title></channel></rss>')]),
      'bomb.xml': Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>'),
      'large.xml': Buffer.from(newsMl({ guid: 'urn:large', headline: 'Large' }).replace('</headline>', `</headline><!-- ${'x'.repeat(250000)} -->`)),
      'unknown.txt': Buffer.from('just some text, no format at all'),
    };
    for (const [name, bytes] of Object.entries(bad)) await drop(folder, name, bytes);
    for (const [name, bytes] of Object.entries(bad)) {
      const kept = path.join(folder, 'quarantine', name);
      await eventually(() => assert.ok(existsSync(`${kept}.error`), `${name}.error`));
      assert.deepEqual(readFileSync(kept), bytes, `${name} is kept byte for byte`);
      const error = readFileSync(`${kept}.error`, 'utf8');
      assert.match(error, /^reason: .+/m);
      assert.match(error, /^format: /m);
      assert.match(error, /^offset: /m);
    }
    assert.match(readFileSync(path.join(folder, 'quarantine', 'bomb.xml.error'), 'utf8'), /problem: entity-declaration/);
    assert.match(readFileSync(path.join(folder, 'quarantine', 'large.xml.error'), 'utf8'), /problem: too-large/);
    assert.match(readFileSync(path.join(folder, 'quarantine', 'unknown.txt.error'), 'utf8'), /problem: unknown-format/);
    const pushed = await push(server, bad['malformed.xml']);
    assert.equal(pushed.status, 422);
    assert.ok(pushed.body.quarantined && existsSync(path.join(folder, 'quarantine', pushed.body.quarantined)));
    assert.equal((await server.get('/healthz')).response.status, 200);
    assert.match(server.stdout + server.stderr, /malformed\.xml quarantined/, 'the error is in the log with the file name');
  });
});
