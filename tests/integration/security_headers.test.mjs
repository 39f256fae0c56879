// Every HTML page of the public site carries X-Content-Type-Options, a Content-Security-Policy
// and a Referrer-Policy, whether rendered now or served from the response cache, and 404 pages
// too. Needs no shared data: an empty database still serves the home pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startGazette } from '../lib/server.mjs';

const expected = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
};

describe('security headers', () => {
  let server;
  before(async () => {
    server = await startGazette();
  });
  after(async () => {
    await server?.stop();
  });

  const fetchPage = (path, headers = {}) => fetch(`http://127.0.0.1:${server.port}${path}`, { headers });

  for (const [what, path, status] of [
    ['the English home page', '/en/', 200],
    ['the Arabic home page', '/ar/', 200],
    ['a page that does not exist', '/en/no-such-section/no-such-story', 404],
  ]) {
    it(`are on ${what}, rendered and from the cache, in every coding`, async () => {
      for (const encoding of ['identity', 'gzip', 'br', 'identity']) {
        const response = await fetchPage(path, { 'accept-encoding': encoding });
        assert.equal(response.status, status);
        assert.match(response.headers.get('content-type'), /^text\/html/);
        for (const [name, value] of Object.entries(expected)) {
          assert.equal(response.headers.get(name), value, `${name} on ${path} (${encoding}, ${response.headers.get('x-cache')})`);
        }
        await response.arrayBuffer();
      }
    });
  }

  it('are served from the cache after the first request', async () => {
    await (await fetchPage('/en/')).arrayBuffer();
    const response = await fetchPage('/en/');
    assert.equal(response.headers.get('x-cache'), 'hit');
    assert.equal(response.headers.get('content-security-policy'), expected['content-security-policy']);
    await response.arrayBuffer();
  });
});
