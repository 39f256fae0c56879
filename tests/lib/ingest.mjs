// Wire files for the ingest tests, made from the real IPTC sample (LISTING_1, a NewsML-G2 news
// item) with the GUID, version, headline, status and embargo of the test's choosing.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { serve, sharedDir, siteConfig, Workspace } from './server.mjs';

export const sampleNewsMl = path.join(sharedDir, 'data', 'iptc-samples', 'newsml-g2', 'examples',
  'LISTING_1_A_NewsML-G2_News_Item.xml');
export const apiToken = 'ingest-test-token';

let template;
export function newsMl({ guid, version = 1, headline, status = 'usable', embargo = '2018-10-23T12:00:00Z' }) {
  template ??= readFileSync(sampleNewsMl, 'utf8');
  return template
    .replace(/guid="[^"]*"/, `guid="${guid}"`)
    .replace(/version="11"/, `version="${version}"`)
    .replace(/<headline>[^<]*<\/headline>/, `<headline>${headline}</headline>`)
    .replace('stat:usable', `stat:${status}`)
    .replace(/<embargoed>[^<]*<\/embargoed>/, `<embargoed>${embargo}</embargoed>`);
}

// Starts gazette with one drop-folder source "wire" (folder <workspace>/drop, section World),
// the bearer token, and `extra` TOML appended (more [ingest.sources.*] tables).
export async function startIngest({ extra = '', ingestExtra = '', publishIntervalMs = 200, sourceExtra = '', workspace } = {}) {
  workspace ??= await Workspace.create();
  const drop = path.join(workspace.dir, 'drop');
  await mkdir(drop, { recursive: true });
  workspace.configPath = path.join(workspace.dir, 'gazette.toml');
  await writeFile(workspace.configPath, `${siteConfig.replace('publish_interval_ms = 5000', `publish_interval_ms = ${publishIntervalMs}`)}
[ingest]
max_bytes = 200000
rescan_interval_ms = 500
${ingestExtra}

[ingest.providers]
REUTERS = "Reuters"

[ingest.sources.wire]
folder = "${drop}"
section = "World"
${sourceExtra}
${extra}`);
  const server = await serve(workspace, { env: { GAZETTE_API_TOKEN: apiToken } });
  server.ownsWorkspace = true;
  return { server, workspace, drop };
}

// Polls until `check` passes or the deadline (generous: not a speed test) runs out.
export async function eventually(check, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// Writes a file under a hidden name and renames it in, as a sender should.
export async function drop(folder, name, bytes) {
  const { rename } = await import('node:fs/promises');
  const hidden = path.join(folder, `.${name}.part`);
  await writeFile(hidden, bytes);
  await rename(hidden, path.join(folder, name));
}
