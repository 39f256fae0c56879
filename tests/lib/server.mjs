// Runs the real gazette binary for the tests: `gazette load` into a fresh SQLite file in a
// temporary folder, then `gazette serve` on an OS-chosen loopback port. See docs/testing.md.
//
//   const server = await startGazette({ load: [dataSets.seed] });
//   const response = await fetch(`${server.baseUrl}en/`);
//   await server.stop();  // SIGTERM, waits for the exit; throws if the exit code is not 0
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const gazetteBin = path.resolve(repoRoot, process.env.GAZETTE_BIN || 'build/src/app/gazette');
export const sharedDir = path.resolve(repoRoot, process.env.GAZETTE_SHARED || '../shared');

// The data sets `gazette load` reads.
export const dataSets = {
  seed: path.join(sharedDir, 'seed', 'article.json'),
  bbc: path.join(sharedDir, 'data', 'english-news'),
  arabic: path.join(sharedDir, 'data', 'arabic-news'),
  sample: path.join(repoRoot, 'demo', 'sample', 'stories.json'),
};
export const allSharedData = [dataSets.seed, dataSets.bbc, dataSets.arabic];

// Why tests that need ../shared cannot run here, or null when they can.
let missingReported = false;
export function sharedDataMissing() {
  const missing = allSharedData.filter((file) => !existsSync(file));
  if (missing.length === 0) return null;
  const reason = `../shared/data is absent (looked for ${missing.join(', ')}); ` +
    'set GAZETTE_SHARED to the shared folder to run this test';
  if (!missingReported) process.stderr.write(`\n!!! SKIPPING tests that need the shared data: ${reason}\n\n`);
  missingReported = true;
  return reason;
}

// Options for a test that needs ../shared: `it('...', needsSharedData, async () => ...)`.
// Without the data the test is reported as SKIP with the reason, never as a pass.
export const needsSharedData = Object.freeze({ skip: sharedDataMissing() ?? false });

// The site's own configuration (site name, footer lines, timestamp format), as the demo uses it.
export const siteConfig = readFileSync(path.join(repoRoot, 'config', 'gazette.toml'), 'utf8');

function checkBinary() {
  if (!existsSync(gazetteBin)) {
    throw new Error(`no gazette binary at ${gazetteBin}: build it (ninja -C build gazette) or set GAZETTE_BIN`);
  }
}

// Runs the binary to completion. Resolves with { code, signal, stdout, stderr }; never rejects
// on a non-zero exit (callers assert on it).
export function runGazette(args, { env = {}, timeoutMs = 300_000 } = {}) {
  checkBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(gazetteBin, args, {
      cwd: repoRoot,
      env: { ...cleanEnvironment(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gazette ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

// The parent's environment without GAZETTE_* settings, so a developer's shell cannot change
// what the tests see.
function cleanEnvironment() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GAZETTE_')) env[key] = value;
  }
  return env;
}

// A temporary folder with a database path and, if given, a config file.
export class Workspace {
  static async create({ config } = {}) {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-test-'));
    const workspace = new Workspace(dir);
    if (config !== undefined) {
      workspace.configPath = path.join(dir, 'gazette.toml');
      await writeFile(workspace.configPath, config);
    }
    return workspace;
  }

  constructor(dir) {
    this.dir = dir;
    this.database = path.join(dir, 'gazette.db');
    this.configPath = null;
  }

  configArgs() {
    return this.configPath ? ['--config', this.configPath] : [];
  }

  env(extra = {}) {
    return { GAZETTE_DATABASE: this.database, ...extra };
  }

  // Runs `gazette load PATHS...` into this workspace's database; throws unless it exits 0.
  async load(paths) {
    const result = await runGazette(['load', ...this.configArgs(), ...paths], { env: this.env() });
    if (result.code !== 0) {
      throw new Error(`gazette load exited with ${result.code ?? result.signal}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    }
    return result;
  }

  async remove() {
    await rm(this.dir, { recursive: true, force: true });
  }
}

// A running `gazette serve`.
export class GazetteServer {
  constructor(child, workspace) {
    this.child = child;
    this.workspace = workspace;
    this.stdout = '';
    this.stderr = '';
    this.baseUrl = null;  // 'http://127.0.0.1:PORT/'
    this.port = null;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  url(target) {
    return new URL(target, this.baseUrl).href;
  }

  // fetch() against this server, never following redirects (tests look at them).
  fetch(target, options = {}) {
    return fetch(this.url(target), { redirect: 'manual', ...options });
  }

  // GET target and return { response, text }.
  async get(target, options = {}) {
    const response = await this.fetch(target, options);
    return { response, text: await response.text() };
  }

  // Sends raw bytes over a new TCP connection; see rawRequest().
  raw(bytes, options = {}) {
    return rawRequest(this.port, bytes, options);
  }

  // Sends SIGTERM and waits for the process to end. Resolves with { code, signal }.
  async terminate({ timeoutMs = 60_000 } = {}) {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === null) {
      this.child.kill('SIGKILL');
      throw new Error(`gazette serve did not stop within ${timeoutMs} ms of SIGTERM\n${this.logs()}`);
    }
    return result;
  }

  // Stops the server; throws unless it exited with code 0. Removes the workspace if it owns it.
  async stop({ keepWorkspace = false } = {}) {
    const result = await this.terminate();
    if (!keepWorkspace && this.ownsWorkspace) await this.workspace.remove();
    if (result.code !== 0) {
      throw new Error(`gazette serve exited with ${result.code ?? result.signal} after SIGTERM\n${this.logs()}`);
    }
    return result;
  }

  logs() {
    return `stdout:\n${this.stdout.slice(-4000)}\nstderr:\n${this.stderr.slice(-4000)}`;
  }
}

// Starts `gazette serve` on 127.0.0.1 with an OS-chosen port, on the given workspace's database.
export async function serve(workspace, { env = {}, timeoutMs = 60_000 } = {}) {
  checkBinary();
  const child = spawn(gazetteBin, ['serve', ...workspace.configArgs()], {
    cwd: repoRoot,
    env: { ...cleanEnvironment(), ...workspace.env({ GAZETTE_LISTEN: '127.0.0.1:0', ...env }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = new GazetteServer(child, workspace);
  child.stderr.setEncoding('utf8').on('data', (chunk) => { server.stderr += chunk; });
  child.stdout.setEncoding('utf8');
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gazette serve printed no "Gazette serving" line within ${timeoutMs} ms\n${server.logs()}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      server.stdout += chunk;
      if (server.baseUrl) return;
      const match = /Gazette serving (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(server.stdout);
      if (match) {
        server.baseUrl = match[1];
        server.port = Number(match[2]);
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    server.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`gazette serve exited with ${code ?? signal} before serving\n${server.logs()}`));
    });
  });
  return server;
}

// The usual start: a fresh workspace (with `config` as its TOML file if given), `gazette load`
// of `load` (if any), then serve. The returned server's stop() also removes the workspace;
// `server.loadResult` holds the load's { code, stdout, stderr }.
export async function startGazette({ load = [], config, env } = {}) {
  const workspace = await Workspace.create({ config });
  try {
    const loadResult = load.length > 0 ? await workspace.load(load) : null;
    const server = await serve(workspace, { env });
    server.ownsWorkspace = true;
    server.loadResult = loadResult;
    return server;
  } catch (error) {
    await workspace.remove();
    throw error;
  }
}

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

  waitForResponses(count, options = {}) {
    const { head, ...rest } = options;
    return this.waitFor((connection) => connection.responses({ head }).length >= count,
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
