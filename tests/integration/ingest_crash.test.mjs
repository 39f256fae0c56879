// Crash safety of the drop folder (docs/ingest.md, "Crash safety"): 2,000 NewsML-G2 files made
// from the real sample, gazette killed with SIGKILL mid-ingest, then restarted: every file ends
// processed exactly once (one ledger row and one article each), none lost, none left behind.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';

import { eventually, newsMl, sampleNewsMl, startIngest } from '../lib/ingest.mjs';
import { serve, Workspace } from '../lib/server.mjs';

const skip = existsSync(sampleNewsMl) ? false : `no IPTC sample at ${sampleNewsMl}`;
const kFiles = 2000;

function sql(workspace, query) {
  return workspace.querySync(query);
}

describe('ingest crash safety', { skip }, () => {
  it('processes every file exactly once across a kill -9 and a restart', async () => {
    const workspace = await Workspace.create();
    const folder = path.join(workspace.dir, 'drop');
    await mkdir(folder, { recursive: true });
    // Written aside, then moved in at once: the server finds a folder full of work.
    const staging = path.join(workspace.dir, 'staging');
    await mkdir(staging);
    for (let i = 0; i < kFiles; ++i) {
      const n = String(i).padStart(5, '0');
      await writeFile(path.join(staging, `item-${n}.xml`), newsMl({ guid: `urn:crash:${n}`, headline: `Crash test story ${n}` }));
    }
    let { server } = await startIngest({ workspace });
    for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(folder, name));

    // Kill it as soon as some, but not all, of the work is done.
    const deadline = Date.now() + 120_000;
    while ((await readdir(path.join(folder, 'processed'))).length < 20) {
      assert.ok(Date.now() < deadline, `nothing processed within 120 s\n${server.logs()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    server.child.kill('SIGKILL');
    await server.exited;
    const before = Number(sql(workspace, 'SELECT COUNT(*) FROM wire_items'));
    assert.ok(before < kFiles, 'the kill came mid-ingest');
    console.log(`killed with ${before} of ${kFiles} items in the ledger`);

    server = await serve(workspace, { env: { GAZETTE_API_TOKEN: 'x' } });
    server.ownsWorkspace = true;
    try {
      await eventually(async () => {
        const done = (await readdir(path.join(folder, 'processed'))).length;
        assert.equal(done, kFiles, `${done} of ${kFiles} processed`);
      }, { timeoutMs: 300_000 });
      assert.deepEqual(await readdir(path.join(folder, 'processing')), [], 'nothing left in processing/');
      assert.deepEqual((await readdir(folder)).filter((name) => name.endsWith('.xml')), [], 'nothing left waiting');
      assert.deepEqual(await readdir(path.join(folder, 'quarantine')), []);
      const processed = await readdir(path.join(folder, 'processed'));
      assert.ok(processed.every((name) => /^item-\d{5}\.xml$/.test(name)), 'no file was processed twice');
      assert.equal(sql(workspace, 'SELECT COUNT(*) FROM wire_items'), String(kFiles));
      assert.equal(sql(workspace, 'SELECT COUNT(*) FROM articles'), String(kFiles));
      assert.equal(sql(workspace, 'SELECT COUNT(*) FROM article_revisions'), String(kFiles), 'each applied once');
      assert.equal((await server.get('/en/world/crash-test-story-01999')).response.status, 200);
    } finally {
      await server.stop();
    }
  });
});
