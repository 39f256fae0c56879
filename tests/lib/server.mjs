// Runs the real gazette binary for the tests: `gazette load` into a fresh SQLite file in a
// temporary folder, then `gazette serve` on an OS-chosen loopback port. See docs/testing.md.
//
//   const server = await startGazette({ load: [dataSets.seed] });
//   const response = await fetch(`${server.baseUrl}en/`);
//   await server.stop();  // SIGTERM, waits for the exit; throws if the exit code is not 0
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createDatabase, dropDatabase, dumpDatabase, testStore } from './postgres.mjs';
import { rawRequest } from './raw_http.mjs';

// Raw HTTP for malformed, pipelined and half-sent requests lives in raw_http.mjs.
export { parseResponses, RawConnection, rawRequest } from './raw_http.mjs';

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

// A temporary folder with a database and, if given, a config file. The database is a fresh
// SQLite file, or a fresh PostgreSQL database when GAZETTE_TEST_STORE=postgresql (or `store`
// says so); remove() drops it (tests/lib/postgres.mjs).
export class Workspace {
  static async create({ config, store = testStore() } = {}) {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-test-'));
    const workspace = new Workspace(dir);
    if (config !== undefined) {
      workspace.configPath = path.join(dir, 'gazette.toml');
      await writeFile(workspace.configPath, config);
    }
    if (store === 'postgresql') {
      try {
        const { name, url } = await createDatabase();
        workspace.postgresDatabase = name;
        workspace.database = url;
      } catch (error) {
        await workspace.remove();
        throw error;
      }
    }
    return workspace;
  }

  constructor(dir) {
    this.dir = dir;
    this.database = path.join(dir, 'gazette.db');
    this.configPath = null;
    this.postgresDatabase = null;  // Its name, when the workspace made a PostgreSQL database.
  }

  // Runs one SQL query on the database (sqlite3 or psql, unaligned, `|` between columns) and
  // returns its output trimmed. `postgresql` replaces the query where the dialects differ.
  querySync(query, { postgresql = query } = {}) {
    const [command, args] = this.postgresDatabase
      ? ['psql', [this.database, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', postgresql]]
      : ['sqlite3', [this.database, query]];
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  }

  // What the database holds, as bytes to search: the SQLite file and its WAL, or pg_dump's text.
  async contents() {
    if (this.postgresDatabase) return Buffer.from(await dumpDatabase(this.database));
    const files = [this.database, `${this.database}-wal`].filter(existsSync);
    return Buffer.concat(files.map((file) => readFileSync(file)));
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
    if (this.postgresDatabase) {
      const name = this.postgresDatabase;
      this.postgresDatabase = null;
      await dropDatabase(name);
    }
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

  // Sends SIGTERM, once: a second one during the shutdown is not what a test means to check.
  sigterm() {
    if (this.sigtermSent || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.sigtermSent = true;
    this.child.kill('SIGTERM');
  }

  // Sends SIGTERM (unless sent already) and waits for the process to end. Resolves with
  // { code, signal }.
  async terminate({ timeoutMs = 60_000 } = {}) {
    this.sigterm();
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
