// Changes reach every process on the database: `gazette load` beside a running server on
// SQLite, and two Gazette nodes on one PostgreSQL database (a change through one shows on the
// other within a second). The PostgreSQL part needs GAZETTE_TEST_POSTGRES_URL (./run test
// starts a throwaway cluster) and skips loudly without it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { serve, siteConfig, startGazette, Workspace } from '../lib/server.mjs';

const kToken = 'nodes-test-token';

function story(headline) {
  return {
    language: 'en', section: 'Harbour', headline, dateline: 'Riverton', slug: 'harbour-news',
    published_at: '2024-05-01T08:00:00Z', source: 'Gazette', tags: ['Boats'],
    status: 'published', body_paragraphs: ['The harbour master spoke.'],
  };
}

async function page(server, target) {
  const response = await server.fetch(target);
  return { status: response.status, cache: response.headers.get('x-cache'), text: await response.text() };
}

// Polls until `check` passes or the deadline runs out; returns how long it took.
async function eventually(check, { timeoutMs = 10_000 } = {}) {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('a load beside a running server (SQLite)', () => {
  let server;
  let dataFile;
  before(async () => {
    const scratch = await Workspace.create();
    dataFile = path.join(scratch.dir, 'story.json');
    await writeFile(dataFile, JSON.stringify([story('Ferry timetable changes')]));
    server = await startGazette({ load: [dataFile], config: siteConfig });
  });
  after(async () => {
    await server?.stop();
  });

  it('drops the cached pages that the load changed', async () => {
    await page(server, '/en/harbour/harbour-news');
    const cached = await page(server, '/en/harbour/harbour-news');
    assert.equal(cached.cache, 'hit');
    await writeFile(dataFile, JSON.stringify([story('Ferry timetable changes again')]));
    await server.workspace.load([dataFile]);
    await eventually(async () => {
      const { text } = await page(server, '/en/harbour/harbour-news');
      assert.ok(text.includes('Ferry timetable changes again'), 'the server still serves the page from before the load');
    });
  });
});

const postgresUrl = process.env.GAZETTE_TEST_POSTGRES_URL;
const noPostgres = postgresUrl ? false : 'GAZETTE_TEST_POSTGRES_URL is not set: the several-node test needs PostgreSQL';
if (noPostgres) process.stderr.write(`\n!!! SKIPPING: ${noPostgres}\n\n`);

describe('two nodes on one PostgreSQL database', { skip: noPostgres }, () => {
  const database = `gazette_nodes_${process.pid}`;
  const databaseUrl = postgresUrl ? postgresUrl.replace(/\/[^/]*$/, `/${database}`) : '';
  const nodes = [];
  before(async () => {
    execFileSync('psql', [postgresUrl, '-q', '-c', `DROP DATABASE IF EXISTS ${database}`, '-c', `CREATE DATABASE ${database}`]);
    const config = `${siteConfig}\n`.replace(/^token = ""/m, `token = "${kToken}"`);
    for (let i = 0; i < 2; ++i) {
      const workspace = await Workspace.create({ config });
      workspace.database = databaseUrl;
      if (i === 0) {
        const file = path.join(workspace.dir, 'story.json');
        await writeFile(file, JSON.stringify([story('Harbour reopens')]));
        await workspace.load([file]);
      }
      const node = await serve(workspace);
      node.ownsWorkspace = true;
      nodes.push(node);
    }
  });
  after(async () => {
    for (const node of nodes) await node.stop();
    if (postgresUrl) execFileSync('psql', [postgresUrl, '-q', '-c', `DROP DATABASE IF EXISTS ${database}`]);
  });

  it('shows a change made through one node on the other within a second', async () => {
    for (const node of nodes) {
      await page(node, '/en/harbour/harbour-news');
      assert.equal((await page(node, '/en/harbour/harbour-news')).cache, 'hit');
    }
    const response = await nodes[0].fetch('/api/articles', {
      method: 'PUT',
      headers: { authorization: `Bearer ${kToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(story('Harbour reopens after storm repairs')),
    });
    assert.equal(response.status, 200, await response.text());
    const took = await eventually(async () => {
      const { text } = await page(nodes[1], '/en/harbour/harbour-news');
      assert.ok(text.includes('Harbour reopens after storm repairs'), 'node 2 still serves the old page');
    });
    assert.ok(took < 1000, `node 2 showed the change after ${took} ms, not within a second`);
    const home = await page(nodes[1], '/en/');
    assert.ok(home.text.includes('Harbour reopens after storm repairs'), 'node 2 home page is stale');
  });
});
