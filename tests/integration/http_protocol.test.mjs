// HTTP/1.1 over raw sockets: keep-alive, HEAD, conditional requests on static files, HTTP/1.0,
// pipelining, bodies on GET, and the requests the server must refuse (414, 431, 400).
// Needs no data: an empty database still serves the home pages, /healthz and /static/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { RawConnection, startGazette } from '../lib/server.mjs';

const get = (target, headers = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`;

describe('HTTP protocol', () => {
  let server;
  before(async () => {
    server = await startGazette();
  });
  after(async () => {
    await server?.stop();
  });

  it('keeps an HTTP/1.1 connection open for the next request', async () => {
    const connection = await RawConnection.open(server.port);
    try {
      await connection.write(get('/healthz'));
      await connection.waitForResponses(1);
      await connection.write(get('/static/site.css'));
      await connection.waitForResponses(2);
      const [first, second] = connection.responses();
      assert.equal(first.status, 200);
      assert.equal(first.text.trim(), 'ok');
      assert.equal(second.status, 200);
      assert.match(second.headers['content-type'], /^text\/css/);
      assert.equal(connection.closed, false, 'the server closed a keep-alive connection');
    } finally {
      connection.destroy();
    }
  });

  it('closes the connection after a response when asked with Connection: close', async () => {
    const { responses, closed } = await server.raw(get('/healthz', 'Connection: close\r\n'));
    assert.equal(responses.length, 1);
    assert.equal(responses[0].status, 200);
    assert.equal(closed, true);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const target of ['/en/', '/static/site.css', '/healthz']) {
      const getResponse = await server.fetch(target);
      const body = Buffer.from(await getResponse.arrayBuffer());
      // A body after the HEAD response would show up as garbage before the /healthz answer.
      const { responses } = await server.raw(`HEAD ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n${get('/healthz')}`,
        { responses: 2, head: [0] });
      const [head, next] = responses;
      assert.equal(head.status, 200, `HEAD ${target}`);
      assert.equal(head.headers['content-type'], getResponse.headers.get('content-type'), `HEAD ${target}: Content-Type`);
      assert.equal(Number(head.headers['content-length']), body.length, `HEAD ${target}: Content-Length`);
      assert.equal(next.status, 200, `the response after HEAD ${target}`);
      assert.equal(next.text.trim(), 'ok', `HEAD ${target} sent a body`);
    }
  });

  it('answers If-None-Match with 304 on static files', async () => {
    const first = await server.fetch('/static/site.css');
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    assert.ok(etag, 'no ETag on /static/site.css');
    const again = await server.fetch('/static/site.css', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0, '304 with a body');
    assert.equal(again.headers.get('etag'), etag);
    const other = await server.fetch('/static/site.css', { headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(other.status, 200);
    assert.ok((await other.arrayBuffer()).byteLength > 0);
  });

  it('answers If-Modified-Since with 304 on static files', async () => {
    const first = await server.fetch('/static/site.css');
    await first.arrayBuffer();
    const modified = first.headers.get('last-modified');
    assert.ok(modified, 'no Last-Modified on /static/site.css');
    assert.ok(!Number.isNaN(Date.parse(modified)), `Last-Modified is not an HTTP date: ${modified}`);
    const again = await server.fetch('/static/site.css', { headers: { 'If-Modified-Since': modified } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0, '304 with a body');
    const old = await server.fetch('/static/site.css', { headers: { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' } });
    assert.equal(old.status, 200);
    assert.ok((await old.arrayBuffer()).byteLength > 0);
  });

  it('serves HTTP/1.0 requests, with or without Host, and then closes', async () => {
    for (const request of ['GET /healthz HTTP/1.0\r\n\r\n', 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n']) {
      const { responses, closed } = await server.raw(request);
      assert.equal(responses.length, 1, JSON.stringify(request));
      assert.match(responses[0].version, /^HTTP\/1\.[01]$/);
      assert.equal(responses[0].status, 200);
      assert.equal(responses[0].text.trim(), 'ok');
      assert.equal(closed, true);
    }
  });

  it('answers pipelined requests in order', async () => {
    const { responses } = await server.raw(
      [get('/en/'), get('/healthz'), get('/ar/'), get('/no-such-page'), get('/static/site.css')].join(''),
      { responses: 5 });
    assert.deepEqual(responses.map((response) => response.status), [200, 200, 200, 404, 200]);
    assert.match(responses[0].text, /<html lang="en"/);
    assert.equal(responses[1].text.trim(), 'ok');
    assert.match(responses[2].text, /<html lang="ar"/);
    assert.match(responses[3].headers['content-type'], /^text\/html/);
    assert.match(responses[4].headers['content-type'], /^text\/css/);
  });

  it('ignores a body sent with GET', async () => {
    const body = 'GET /no-such-page HTTP/1.1\r\n\r\n';  // Must not be read as a request.
    const { responses } = await server.raw(
      get('/healthz', `Content-Length: ${body.length}\r\nContent-Type: text/plain\r\n`) + body + get('/static/site.css'),
      { responses: 2 });
    assert.deepEqual(responses.map((response) => response.status), [200, 200]);
    assert.equal(responses[0].text.trim(), 'ok');
    assert.match(responses[1].headers['content-type'], /^text\/css/);
  });

  it('answers a request line over 8 KiB with 414', async () => {
    const { responses } = await server.raw(get(`/en/${'a'.repeat(9 * 1024)}`), { responses: 1 });
    assert.equal(responses[0]?.status, 414);
  });

  const bigHeaders = [
    ['200 headers, 22 KiB in all', Array.from({ length: 200 }, (_, i) => `X-Fill-${i}: ${'b'.repeat(100)}\r\n`).join('')],
    ['one 17 KiB header', `X-Big: ${'c'.repeat(17 * 1024)}\r\n`],
  ];
  for (const [what, headers] of bigHeaders) {
    it(`answers more than 16 KiB of headers (${what}) with 431`, async () => {
      const { responses } = await server.raw(get('/healthz', headers), { responses: 1 });
      assert.equal(responses[0]?.status, 431);
    });
  }

  const badRequests = [
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['no target', 'GET HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['no method', '/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a bad version', 'GET /healthz HTTP/x.y\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
    ['a .. segment', get('/static/../static/site.css')],
    ['a .. segment at the root', get('/../etc/passwd')],
    ['a .. segment at the end', get('/en/..')],
    ['%2e%2e', get('/static/%2e%2e/static/site.css')],
    ['%2E%2E', get('/en/%2E%2E/ar/')],
    ['.%2e', get('/static/.%2e/static/site.css')],
    ['invalid UTF-8 %ff', get('/%ff')],
    ['invalid UTF-8 in a section', get('/en/%c3%28/')],
    ['an overlong UTF-8 slash', get('/static/%c0%af')],
  ];
  for (const [what, request] of badRequests) {
    it(`answers ${what} with 400`, async () => {
      const { responses } = await server.raw(request, { responses: 1 });
      assert.equal(responses[0]?.status, 400, `request ${JSON.stringify(request)}`);
    });
  }

  it('still serves after refusing bad requests', async () => {
    const response = await server.fetch('/healthz');
    assert.equal(response.status, 200);
  });
});
