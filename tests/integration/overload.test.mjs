// Overload protection (docs/caching.md, "Overload"): beyond server.max_connections a new
// connection gets 503 with Retry-After and is closed; beyond server.max_in_flight a request gets
// 503 at once; a client that trickles its request byte by byte is cut off by request_timeout_ms
// (slowloris). No timing assertions: the waits only bound a hang.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { parseResponses, RawConnection, startGazette } from '../lib/server.mjs';

describe('overload', () => {
  const servers = [];
  after(async () => {
    for (const server of servers) await server.stop();
  });

  it('answers a connection beyond max_connections with 503 and Retry-After, and closes it', async () => {
    const server = await startGazette({ config: '[server]\nmax_connections = 2\nretry_after_s = 7\n' });
    servers.push(server);
    const held = [await RawConnection.open(server.port), await RawConnection.open(server.port)];
    // Let the server accept both before the third arrives.
    for (const connection of held) {
      await connection.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await connection.waitForResponses(1);
    }
    const third = await RawConnection.open(server.port);
    await third.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n').catch(() => {});
    await third.waitForClose();
    const [response] = parseResponses(third.data).responses;
    assert.equal(response?.status, 503, third.data.toString('latin1'));
    assert.equal(response.headers['retry-after'], '7');
    // Room again once one leaves.
    held[0].destroy();
    let status;
    for (let attempt = 0; attempt < 50 && status !== 200; ++attempt) {
      const { status: s } = await server.fetch('/healthz', { headers: { connection: 'close' } });
      status = s;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 200);
    held[1].destroy();
  });

  it('answers a request beyond max_in_flight with 503 at once', async () => {
    const server = await startGazette({ config: '[server]\nmax_in_flight = 1\n' });
    servers.push(server);
    // A request whose body has not all arrived is in flight.
    const slow = await RawConnection.open(server.port);
    await slow.write('POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf');
    let response;
    for (let attempt = 0; attempt < 50 && response?.status !== 503; ++attempt) {
      const connection = await RawConnection.open(server.port);
      await connection.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await connection.waitForResponses(1);
      [response] = connection.responses();
      connection.destroy();
    }
    assert.equal(response?.status, 503);
    assert.ok(Number(response.headers['retry-after']) >= 0);
    slow.destroy();
  });

  it('cuts off a client that trickles its request a byte at a time (slowloris)', async () => {
    const server = await startGazette({ config: '[server]\nrequest_timeout_ms = 500\n' });
    servers.push(server);
    const connection = await RawConnection.open(server.port);
    const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ' + 'a'.repeat(400) + '\r\n\r\n';
    let sent = 0;
    // One byte every 50 ms would take 20 s; each byte arrives well within any per-read timeout.
    const timer = setInterval(() => {
      if (connection.closed || sent >= request.length) return clearInterval(timer);
      connection.write(request[sent++]).catch(() => {});
    }, 50);
    await connection.waitForClose({ timeoutMs: 10_000 });
    clearInterval(timer);
    assert.ok(sent < request.length, 'the whole request got through');
    assert.equal(connection.responses().length, 0);
  });
});
