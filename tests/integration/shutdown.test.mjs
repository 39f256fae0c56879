// Graceful shutdown: on SIGTERM the server stops accepting, closes idle connections, lets the
// request in flight finish, and exits with 0.
import assert from 'node:assert/strict';
import net from 'node:net';
import { it } from 'node:test';

import { parseResponses, RawConnection, startGazette } from '../lib/server.mjs';

function connectionRefused(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

it('finishes the request in flight after SIGTERM, then exits 0', async () => {
  const server = await startGazette();
  let stopped = false;
  try {
    // An idle keep-alive connection: shutdown closes it, which shows shutdown has begun.
    const idle = await RawConnection.open(server.port);
    await idle.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await idle.waitForResponses(1);

    // A request in flight: the server has read its headers (it answers 100 Continue) and waits
    // for the body.
    const busy = await RawConnection.open(server.port);
    await busy.write('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n');
    await busy.waitFor((connection) => parseResponses(connection.data, { informational: true }).responses.length > 0,
      { what: '100 Continue' });
    assert.equal(parseResponses(busy.data, { informational: true }).responses[0].status, 100);

    server.sigterm();
    await idle.waitForClose();
    assert.equal(server.child.exitCode, null, 'the server exited with a request in flight');

    await busy.write('hello');
    await busy.waitForResponses(1);
    const [response] = busy.responses();
    assert.equal(response?.status, 200, 'the request in flight got no answer');
    assert.match(response.text, /<html lang="en"/);
    assert.match(response.text, /<\/html>\s*$/, 'the response was cut short');
    await busy.waitForClose();

    const { code, signal } = await server.terminate();
    stopped = true;
    assert.equal(signal, null);
    assert.equal(code, 0, server.logs());
    assert.equal(await connectionRefused(server.port), true, 'the port still accepts connections after exit');
  } finally {
    if (!stopped) await server.terminate().catch(() => {});
    await server.workspace.remove();
  }
});

it('exits 0 on SIGTERM while idle', async () => {
  const server = await startGazette();
  const { code, signal } = await server.stop();
  assert.equal(signal, null);
  assert.equal(code, 0);
});
