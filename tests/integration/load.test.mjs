// `gazette load` of the real data sets: the BBC set's 98 duplicate files collapse to 2,127
// stories, the invalid UTF-8 in sport/199.txt is repaired and reported, and loading the same
// data again adds nothing.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { allSharedData, dataSets, needsSharedData, serve, siteConfig, Workspace } from '../lib/server.mjs';
import { countStories, findInList, getHtml } from '../lib/site.mjs';

const kBbcStories = 2127;

// Story counts of every section in both editions, and of the seed's tags: { path: count }.
async function countEverything(server) {
  const counts = {};
  for (const edition of ['/en/', '/ar/']) {
    const { doc } = await getHtml(server, edition);
    const sections = doc.querySelectorAll('nav.sections a').map((a) => a.attr('href'));
    assert.ok(sections.length > 0, `${edition} links no sections`);
    for (const section of sections) counts[section] = await countStories(server, section);
  }
  for (const tag of ['/en/tag/iran/', '/en/tag/russia/', '/en/tag/syria/']) counts[tag] = await countStories(server, tag);
  return counts;
}

describe('gazette load', () => {
  let workspace;
  let firstLoad;
  let secondLoad;
  let server;
  let countsAfterFirst;

  before(async () => {
    if (needsSharedData.skip) return;
    workspace = await Workspace.create({ config: siteConfig });
    firstLoad = await workspace.load(allSharedData);
    server = await serve(workspace);
    countsAfterFirst = await countEverything(server);
  });
  after(async () => {
    await server?.stop({ keepWorkspace: true });
    await workspace?.remove();
  });

  it('reports the invalid UTF-8 in sport/199.txt', needsSharedData, () => {
    const output = firstLoad.stdout + firstLoad.stderr;
    const lines = output.split('\n').filter((line) => line.includes('sport/199.txt'));
    assert.ok(lines.length > 0, `the load output does not mention sport/199.txt:\n${output}`);
    assert.ok(lines.some((line) => /utf-?8/i.test(line)), `no line says what is wrong with sport/199.txt:\n${lines.join('\n')}`);
  });

  it('mentions the 2,127 BBC stories in its summary', needsSharedData, () => {
    assert.match(firstLoad.stdout, /\b2,?127\b/, `summary:\n${firstLoad.stdout}`);
  });

  it('puts the 2,127 unique BBC stories in their five sections', needsSharedData, () => {
    const categories = readdirSync(path.join(dataSets.bbc, 'bbc'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    assert.deepEqual(categories, ['business', 'entertainment', 'politics', 'sport', 'tech']);
    const perSection = Object.fromEntries(categories.map((name) => [name, countsAfterFirst[`/en/${name}/`]]));
    for (const [name, count] of Object.entries(perSection)) assert.ok(count > 0, `/en/${name}/ lists no stories`);
    const total = Object.values(perSection).reduce((sum, count) => sum + count, 0);
    assert.equal(total, kBbcStories, `stories per section: ${JSON.stringify(perSection)}`);
  });

  it('shows the repaired story from sport/199.txt as valid UTF-8', needsSharedData, async () => {
    const href = await findInList(server, '/en/sport/', 'Chelsea sack Mutu');
    assert.ok(href, '"Chelsea sack Mutu" (sport/199.txt) is not listed in /en/sport/');
    const { doc } = await getHtml(server, href);  // Decodes strictly: invalid UTF-8 fails here.
    const body = doc.querySelector('div.body')?.innerText ?? '';
    assert.match(body, /a [£\uFFFD]15\.8m signing from Parma/, 'the paragraph with the repaired byte is missing');
  });

  it('adds nothing when the same data is loaded again', needsSharedData, async () => {
    await server.stop({ keepWorkspace: true });
    server = null;
    secondLoad = await workspace.load(allSharedData);
    server = await serve(workspace);
    const countsAfterSecond = await countEverything(server);
    assert.deepEqual(countsAfterSecond, countsAfterFirst);
    const seedTag = await getHtml(server, '/en/tag/iran/');
    const hrefs = seedTag.doc.querySelectorAll('ol.story-list h2 a').map((a) => a.attr('href'));
    assert.equal(new Set(hrefs).size, hrefs.length, 'a story is listed twice on /en/tag/iran/');
    assert.equal(secondLoad.code, 0);
  });
});
