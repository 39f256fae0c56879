// Raw HTTP/1.1 over node:net, for what fetch() cannot send: malformed requests, pipelining,
// half-sent requests, Expect: 100-continue. Server-agnostic; server.mjs re-exports it.
import net from 'node:net';

// A raw TCP connection to the server, for what fetch() cannot send: malformed requests,
// pipelining, half-sent requests. Collects everything the server sends.
export class RawConnection {
  static open(port) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.chunks = [];
    this.closed = false;
    this.error = null;
    this.waiters = [];
    socket.on('data', (chunk) => {
      this.chunks.push(chunk);
      this.wake();
    });
    socket.on('error', (error) => { this.error = error; });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  get data() {
    return Buffer.concat(this.chunks);
  }

  write(bytes) {
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  // The responses received so far (see parseResponses).
  responses(options = {}) {
    return parseResponses(this.data, options).responses;
  }

  // Waits until `condition(connection)` holds; rejects after timeoutMs with what arrived. The
  // timeout only bounds a hang: tests never depend on how fast the server is.
  waitFor(condition, { timeoutMs = 30_000, what = 'the expected data' } = {}) {
    if (condition(this)) return Promise.resolve(this);
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          if (!condition(this)) return false;
          clearTimeout(waiter.timer);
          resolve(this);
          return true;
        },
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          reject(new Error(`waited ${timeoutMs} ms for ${what}; connection ${this.closed ? 'closed' : 'open'}; ` +
            `received:\n${this.data.toString('latin1').slice(0, 2000)}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  waitForClose(options = {}) {
    return this.waitFor((connection) => connection.closed, { what: 'the server to close the connection', ...options });
  }

  // Waits for `count` complete responses, or for the server to close the connection (the caller
  // then finds fewer responses than it expected).
  waitForResponses(count, options = {}) {
    const { head, ...rest } = options;
    return this.waitFor((connection) => connection.closed || connection.responses({ head }).length >= count,
      { what: `${count} complete response(s)`, ...rest });
  }

  wake() {
    this.waiters = this.waiters.filter((waiter) => !waiter.check());
  }

  destroy() {
    this.socket.destroy();
  }
}

// Sends `bytes` (a string or Buffer, or an array of them written one after another) over a new
// connection and waits until the server closes it, or until `responses` complete responses
// have arrived (then closes it). Resolves with { data, responses, closed, error }.
// `head` lists the indexes of responses that answer HEAD requests (they have no body).
export async function rawRequest(port, bytes, { responses: wanted, timeoutMs = 30_000, head = [] } = {}) {
  const connection = await RawConnection.open(port);
  try {
    for (const piece of Array.isArray(bytes) ? bytes : [bytes]) await connection.write(piece).catch(() => {});
    if (wanted === undefined) await connection.waitForClose({ timeoutMs });
    else await connection.waitForResponses(wanted, { timeoutMs, head });
    return {
      data: connection.data,
      responses: connection.responses({ head }),
      closed: connection.closed,
      error: connection.error,
    };
  } finally {
    connection.destroy();
  }
}

// Parses HTTP/1.x responses from `data`. Returns { responses, rest } where each response is
// { version, status, reason, headers (lower-case names; repeated ones joined by ', '), body
// (Buffer), text (body as UTF-8) } and `rest` is an incomplete tail. Skips 1xx responses
// unless `informational` is set.
export function parseResponses(data, { head = [], informational = false } = {}) {
  const responses = [];
  let offset = 0;
  let index = 0;
  for (;;) {
    const headerEnd = data.indexOf('\r\n\r\n', offset);
    if (headerEnd === -1) break;
    const lines = data.subarray(offset, headerEnd).toString('latin1').split('\r\n');
    const statusLine = /^(HTTP\/\d\.\d) (\d{3}) ?(.*)$/.exec(lines[0]);
    if (!statusLine) throw new Error(`not an HTTP status line: ${JSON.stringify(lines[0])}`);
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const status = Number(statusLine[2]);
    let bodyStart = headerEnd + 4;
    let body;
    if (status < 200) {
      offset = bodyStart;
      if (informational) responses.push({ version: statusLine[1], status, reason: statusLine[3], headers, body: Buffer.alloc(0), text: '' });
      continue;
    }
    if (head.includes(index) || status === 204 || status === 304) {
      body = Buffer.alloc(0);
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts = [];
      let position = bodyStart;
      let complete = false;
      for (;;) {
        const lineEnd = data.indexOf('\r\n', position);
        if (lineEnd === -1) break;
        const size = parseInt(data.subarray(position, lineEnd).toString('latin1'), 16);
        if (size === 0) {
          const trailerEnd = data.indexOf('\r\n\r\n', lineEnd);
          if (trailerEnd === -1) break;
          position = trailerEnd + 4;
          complete = true;
          break;
        }
        if (data.length < lineEnd + 2 + size + 2) break;
        parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        position = lineEnd + 2 + size + 2;
      }
      if (!complete) break;
      body = Buffer.concat(parts);
      bodyStart = position;
      offset = position;
    } else if ('content-length' in headers) {
      const length = Number(headers['content-length']);
      if (data.length < bodyStart + length) break;
      body = data.subarray(bodyStart, bodyStart + length);
      offset = bodyStart + length;
    } else {
      // Delimited by the close: only complete when nothing follows (callers check `closed`).
      body = data.subarray(bodyStart);
      offset = data.length;
    }
    if (body === undefined) break;
    if (head.includes(index) || status === 204 || status === 304) offset = bodyStart;
    responses.push({ version: statusLine[1], status, reason: statusLine[3], headers, body, text: body.toString('utf8') });
    index += 1;
  }
  return { responses, rest: data.subarray(offset) };
}
