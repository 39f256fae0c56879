// The whole-response cache (docs/caching.md): pages come from memory the second time, in the
// coding the client accepts, with validators; and a change through PUT /api/articles drops
// exactly the pages that show what changed: never a stale page, while unrelated pages stay
// cached (X-Cache: hit). Uses the demo sample stories, so it needs no shared data.
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';

import { dataSets, siteConfig, startGazette } from '../lib/server.mjs';
import { getHtml } from '../lib/site.mjs';

const kToken = 'test-token-0123456789';

async function xcache(server, target) {
  const response = await server.fetch(target);
  await response.arrayBuffer();
  assert.equal(response.status, 200, `GET ${target}: status`);
  return response.headers.get('x-cache');
}

async function put(server, story, token = kToken) {
  const response = await server.fetch('/api/articles', {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(story),
  });
  return { status: response.status, json: await response.json() };
}

// Every link of a list page's stories: { headline: path }.
async function storiesIn(server, target) {
  const { doc } = await getHtml(server, target);
  const out = {};
  for (const a of doc.querySelectorAll('main h2 a, main h3 a, article h2 a, article h3 a, li a')) {
    const href = a.attr('href');
    if (href && /^\/(en|ar)\/[^/]+\/[^/]+$/.test(href) && !href.includes('/tag/')) out[a.innerText.trim()] = href;
  }
  return out;
}

describe('response cache', () => {
  let server;
  let paths;  // headline -> article path, English edition
  before(async () => {
    server = await startGazette({ load: [dataSets.sample], config: siteConfig, env: { GAZETTE_API_TOKEN: kToken } });
    paths = { ...(await storiesIn(server, '/en/city/')), ...(await storiesIn(server, '/en/sport/')),
              ...(await storiesIn(server, '/en/technology/')) };
  });
  after(async () => {
    await server?.stop();
  });

  const nightBuses = 'Night buses to run every 20 minutes from April';
  const council = 'Riverton council approves new riverside park';
  const rovers = 'Riverton Rovers snatch late win in derby';
  const tech = 'Northgate tech conference puts open source in the spotlight';

  it('serves a page from memory the second time, with a strong ETag and CDN caching headers', async () => {
    await xcache(server, '/en/city/');
    const response = await server.fetch('/en/city/');
    const text = await response.text();
    assert.equal(response.headers.get('x-cache'), 'hit');
    assert.match(response.headers.get('etag'), /^"[0-9a-f]+(-gzip|-br)?"$/);
    assert.match(response.headers.get('cache-control'), /s-maxage=\d+/);
    assert.match(response.headers.get('cache-control'), /stale-while-revalidate=\d+/);
    assert.ok(response.headers.get('last-modified'));
    assert.equal(response.headers.get('vary'), 'Accept-Encoding');
    assert.ok(text.includes(nightBuses));
  });

  it('sends br, gzip or identity as Accept-Encoding asks, each the same page', async () => {
    const ask = async (encoding) => {
      const header = encoding === null ? '' : `Accept-Encoding: ${encoding}\r\n`;
      const { responses } = await server.raw(`GET /en/sport/ HTTP/1.1\r\nHost: x\r\n${header}Connection: close\r\n\r\n`);
      assert.equal(responses.length, 1);
      return responses[0];
    };
    const plain = await ask(null);
    assert.equal(plain.headers['content-encoding'], undefined);
    const br = await ask('gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString('utf8'), plain.text);
    const gzip = await ask('br;q=0, gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.body).toString('utf8'), plain.text);
    assert.equal((await ask('br;q=0, gzip;q=0')).headers['content-encoding'], undefined);
    assert.notEqual(br.headers.etag, gzip.headers.etag);
    assert.notEqual(plain.headers.etag, gzip.headers.etag);
  });

  it('answers 304 to If-None-Match with the ETag, and HEAD with no body', async () => {
    const first = await server.fetch('/en/technology/');
    await first.text();
    const etag = first.headers.get('etag');
    const again = await server.fetch('/en/technology/', { headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');
    const head = await server.fetch('/en/technology/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('x-cache'), 'hit');
  });

  it('caches neither 404 pages nor redirects', async () => {
    const missing = await server.fetch('/en/city/no-such-story');
    await missing.text();
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-cache'), null);
    const moved = await server.fetch(paths[council].replace('/city/', '/sport/'));
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('x-cache'), null);
  });

  it('refuses writes without the bearer token', async () => {
    const { status } = await put(server, { language: 'en', slug: 'x', headline: 'x' }, 'wrong');
    assert.equal(status, 401);
    const response = await server.fetch('/api/articles', { method: 'PUT', body: '{}' });
    assert.equal(response.status, 401);
  });

  // Every page the test watches, warmed before each change.
  const watched = () => Object.fromEntries(Object.entries({
    home: '/en/', city: '/en/city/', sport: '/en/sport/', technology: '/en/technology/',
    riverton: '/en/tag/riverton/', transport: '/en/tag/transport/', football: '/en/tag/football/',
    openSource: '/en/tag/open-source/', nightBuses: paths[nightBuses], council: paths[council],
    rovers: paths[rovers], tech: paths[tech], arabicHome: '/ar/',
  }).filter(([, target]) => target !== undefined));

  async function warm() {
    for (const target of Object.values(watched())) {
      await xcache(server, target);
      assert.equal(await xcache(server, target), 'hit', `${target} was not cached`);
    }
  }

  // Asserts which watched pages were dropped (miss) and which are still cached (hit).
  async function expectFresh(dropped) {
    for (const [name, target] of Object.entries(watched())) {
      const expected = dropped.includes(name) ? 'miss' : 'hit';
      assert.equal(await xcache(server, target), expected, `${name} (${target}) should be a ${expected}`);
    }
  }

  it('an edited headline drops its page, home, section, tag and related pages, and nothing else', async () => {
    assert.ok(paths[nightBuses] && paths[council] && paths[rovers] && paths[tech], JSON.stringify(paths));
    await warm();
    const slug = paths[nightBuses].split('/').pop();
    const edited = 'Night buses to run every 15 minutes from April';
    const { status, json } = await put(server, {
      language: 'en', slug, section: 'City', headline: edited, dateline: 'Riverton', source: 'Gazette',
      byline: 'Amelia Hart', tags: ['Riverton', 'Transport'], status: 'published',
      published_at: '2024-03-11T07:40:00Z', body_markdown: 'Buses every fifteen minutes.',
    });
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.outcome, 'updated');
    // Rovers shares the Riverton tag, so its related list may show the story; the technology
    // story shares nothing.
    await expectFresh(['home', 'city', 'riverton', 'transport', 'nightBuses', 'council', 'rovers']);
    for (const target of ['/en/', '/en/city/', '/en/tag/riverton/', paths[nightBuses]]) {
      const { text } = await getHtml(server, target);
      assert.ok(text.includes(edited), `${target} does not show the new headline`);
      assert.ok(!text.includes(nightBuses), `${target} still shows the old headline`);
    }
  });

  it('a new story drops the lists it joins and the pages whose related lists may show it', async () => {
    await warm();
    const headline = 'Rovers sign a new goalkeeper';
    const { status, json } = await put(server, {
      language: 'en', slug: 'rovers-sign-goalkeeper', section: 'Sport', headline, tags: ['Football'],
      status: 'published', published_at: '2024-06-01T10:00:00Z', body_markdown: 'A new signing.',
    });
    assert.equal(status, 201, JSON.stringify(json));
    await expectFresh(['home', 'sport', 'football', 'rovers']);
    for (const target of ['/en/', '/en/sport/', '/en/tag/football/', paths[rovers]]) {
      const { text } = await getHtml(server, target);
      assert.ok(text.includes(headline), `${target} does not show the new story`);
    }
  });

  it('a story moved to another section leaves the old section and joins the new one', async () => {
    await warm();
    const slug = paths[council].split('/').pop();
    const { status } = await put(server, {
      language: 'en', slug, section: 'Technology', headline: council, tags: ['Riverton', 'City council'],
      status: 'published', published_at: '2024-03-04T09:15:00Z', body_markdown: 'Moved.',
    });
    assert.equal(status, 200);
    const old = await server.fetch(paths[council]);
    assert.equal(old.status, 301);
    paths[council] = new URL(old.headers.get('location'), server.baseUrl).pathname;
    await expectFresh(['home', 'city', 'technology', 'riverton', 'nightBuses', 'council', 'rovers']);
    assert.ok(!(await getHtml(server, '/en/city/')).text.includes(council));
    assert.ok((await getHtml(server, '/en/technology/')).text.includes(council));
  });

  it('an unpublished story disappears from every page that showed it', async () => {
    await warm();
    const slug = paths[rovers].split('/').pop();
    const { status } = await put(server, {
      language: 'en', slug, section: 'Sport', headline: rovers, tags: ['Riverton', 'Football'],
      status: 'unpublished', body_markdown: 'Withdrawn.',
    });
    assert.equal(status, 200);
    const gone = await server.fetch(paths[rovers]);
    await gone.text();
    assert.equal(gone.status, 404);
    for (const target of ['/en/', '/en/sport/', '/en/tag/riverton/', '/en/tag/football/', paths[nightBuses]]) {
      const { text } = await getHtml(server, target);
      assert.ok(!text.includes(rovers), `${target} still shows the unpublished story`);
    }
    assert.equal(await xcache(server, paths[tech]), 'hit');
    assert.equal(await xcache(server, '/ar/'), 'hit');
    paths[rovers] = undefined;
  });

  it('saving identical content announces nothing and keeps every page', async () => {
    const body = {
      language: 'en', slug: 'rovers-sign-goalkeeper', section: 'Sport', headline: 'Rovers sign a new goalkeeper',
      tags: ['Football'], status: 'published', published_at: '2024-06-01T10:00:00Z', body_markdown: 'A new signing.',
    };
    await warm();
    const { status, json } = await put(server, body);
    assert.equal(status, 200);
    assert.equal(json.outcome, 'unchanged');
    assert.deepEqual(json.announced, []);
    await expectFresh([]);
  });
});
