// PostgreSQL for the tests: which store a run uses, and throwaway databases on the cluster that
// `./run test` starts (tests/postgres/cluster.sh, GAZETTE_TEST_POSTGRES_URL). See docs/testing.md.
//
//   GAZETTE_TEST_STORE=postgresql  every Workspace gets a fresh database on that cluster
//   (unset or sqlite)              every Workspace gets a fresh SQLite file
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The cluster's URL (postgresql://postgres@127.0.0.1:PORT/postgres), or '' without one.
export const postgresUrl = process.env.GAZETTE_TEST_POSTGRES_URL ?? '';

// CTest marks a test skipped when its output holds this (tests/CMakeLists.txt).
export const kNoPostgres = 'GAZETTE_TEST_POSTGRES_URL is not set';

// 'postgresql' or 'sqlite': the store the integration tests run against.
export function testStore() {
  const store = (process.env.GAZETTE_TEST_STORE ?? 'sqlite').toLowerCase();
  if (store !== 'postgresql' && store !== 'sqlite') {
    throw new Error(`GAZETTE_TEST_STORE=${store}: expected postgresql or sqlite`);
  }
  return store;
}

// Why the PostgreSQL tests cannot run here, or false when they can.
export function postgresMissing() {
  return postgresUrl ? false : `${kNoPostgres}: PostgreSQL tests need a server (./run test starts one)`;
}

// The URL of database `name` on the test cluster.
export function databaseUrl(name) {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.href;
}

// Runs SQL through psql (unaligned, tuples only) and returns its output.
export async function psql(url, sql) {
  const { stdout } = await run('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { maxBuffer: 256 << 20 });
  return stdout;
}

let created = 0;

// Creates an empty database on the test cluster and returns { name, url }. Throws (with
// kNoPostgres in the message) when there is no cluster.
export async function createDatabase(prefix = 'gazette_test') {
  if (!postgresUrl) throw new Error(postgresMissing());
  created += 1;
  const name = `${prefix}_${process.pid}_${created}_${Date.now() % 100000}`;
  await psql(postgresUrl, `CREATE DATABASE ${name}`);
  return { name, url: databaseUrl(name) };
}

// Drops a database made by createDatabase(), ending any session still on it.
export async function dropDatabase(name) {
  await psql(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

// Every row of the database as pg_dump's text: for checks on what is stored anywhere.
export async function dumpDatabase(url) {
  const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', url], { maxBuffer: 1 << 30 });
  return stdout;
}
