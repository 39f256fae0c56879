// Scheduled publishing: a story scheduled for a time appears at that time, once, on its own
// page and on the home, section and tag pages (whose cached copies must be dropped). Needs no
// shared data.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { siteConfig, startGazette, Workspace } from '../lib/server.mjs';

const lead = 'Scheduled story goes live on time';

function story(headline, publishedAt, status) {
  return {
    language: 'en', section: 'Timing', headline, dateline: 'Riverton',
    published_at: publishedAt, status, source: 'Gazette', tags: ['Clocks'],
    body_paragraphs: [`${headline}: the body.`],
  };
}

async function fetchText(server, url) {
  const response = await fetch(new URL(url, server.baseUrl));
  return { status: response.status, text: await response.text() };
}

// Polls until `check` passes or the deadline (generous: this is not a speed test) runs out.
async function eventually(check, { timeoutMs = 20_000 } = {}) {
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

describe('scheduled publishing', () => {
  let server;
  let dataFile;
  const goesLive = new Date(Date.now() + 4000);

  before(async () => {
    const scratch = await Workspace.create();
    dataFile = path.join(scratch.dir, 'stories.json');
    await writeFile(dataFile, JSON.stringify([
      story('An older published story', '2024-01-01T08:00:00Z', 'published'),
      story(lead, goesLive.toISOString().replace(/\.\d+Z$/, 'Z'), 'scheduled'),
      story('A story for next year', '2099-01-01T08:00:00Z', 'scheduled'),
    ]));
    server = await startGazette({ load: [dataFile], config: `${siteConfig}\n`.replace('publish_interval_ms = 5000', 'publish_interval_ms = 200') });
  });
  after(async () => {
    await server?.stop();
  });

  it('keeps a scheduled story off every page until its time', async () => {
    assert.equal((await fetchText(server, '/en/timing/scheduled-story-goes-live-on-time')).status, 404);
    // Fetched twice so that the cached copies exist when the story goes live.
    for (const url of ['/en/', '/en/timing/', '/en/tag/clocks/']) {
      await fetchText(server, url);
      const { status, text } = await fetchText(server, url);
      assert.equal(status, 200, url);
      assert.ok(!text.includes(lead), `${url} shows the story before its time`);
    }
  });

  it('publishes it at its time on its page, the home, section and tag pages', async () => {
    await eventually(async () => {
      assert.equal((await fetchText(server, '/en/timing/scheduled-story-goes-live-on-time')).status, 200);
    });
    assert.ok(Date.now() >= goesLive.getTime() - 1000, 'published before its time');
    for (const url of ['/en/', '/en/timing/', '/en/tag/clocks/']) {
      const { text } = await fetchText(server, url);
      assert.ok(text.includes(lead), `${url} still does not show the story: a stale page was served`);
    }
    const { text } = await fetchText(server, '/en/timing/');
    assert.ok(!text.includes('A story for next year'), 'a story scheduled for later was published');
  });
});
