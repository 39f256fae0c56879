// server.request_timeout_ms: a client that stops halfway through a request, or never sends one,
// is disconnected. The server runs with 500 ms; the tests wait up to 10 s, well under the
// 15 s default, so they tell the configured limit from the default without timing anything.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { RawConnection, startGazette } from '../lib/server.mjs';

const kWaitMs = 10_000;

describe('request timeout', () => {
  let server;
  before(async () => {
    server = await startGazette({ config: '[server]\nrequest_timeout_ms = 500\n' });
  });
  after(async () => {
    await server?.stop();
  });

  const stalled = [
    ['stops in the request line', 'GET /heal'],
    ['stops in the headers', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
    ['stops in the body', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nonly part'],
    ['connects and sends nothing', ''],
  ];
  for (const [what, bytes] of stalled) {
    it(`disconnects a client that ${what}`, async () => {
      const connection = await RawConnection.open(server.port);
      try {
        if (bytes) await connection.write(bytes);
        await connection.waitForClose({ timeoutMs: kWaitMs });
        assert.equal(connection.responses().filter((response) => response.status === 200).length, 0,
          'a half-sent request was answered as if complete');
      } finally {
        connection.destroy();
      }
    });
  }

  it('serves a client that sends its request in pieces within the limit', async () => {
    const connection = await RawConnection.open(server.port);
    try {
      await connection.write('GET /healthz HTTP/1.1\r\n');
      await connection.write('Host: 127.0.0.1\r\n');
      await connection.write('\r\n');
      await connection.waitForResponses(1);
      assert.equal(connection.responses()[0].status, 200);
    } finally {
      connection.destroy();
    }
  });
});
