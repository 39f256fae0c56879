// The list pages: the edition home pages (lead story, latest list, one block per section),
// section pages with ?page=N pagination, and tag pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { allSharedData, needsSharedData, siteConfig, startGazette } from '../lib/server.mjs';
import { getHtml, lastPage, listItems, seedArticle, seedPath } from '../lib/site.mjs';

// The page a pagination link points to: its number (a link without ?page is page 1).
function linkedPage(server, from, href) {
  const url = new URL(href, server.url(from));
  return { path: url.pathname, page: Number(url.searchParams.get('page') ?? '1') };
}

function assertNewestFirst(doc, where) {
  const times = doc.querySelectorAll('ol.story-list time').map((time) => time.attr('datetime'));
  const sorted = [...times].sort().reverse();
  assert.deepEqual(times, sorted, `${where}: stories are not newest first`);
}

describe('list pages', () => {
  let server;
  before(async () => {
    if (needsSharedData.skip) return;
    server = await startGazette({ load: allSharedData, config: siteConfig });
  });
  after(async () => {
    await server?.stop();
  });

  for (const language of ['en', 'ar']) {
    it(`shows a lead story, the latest list and a block per section on /${language}/`, needsSharedData, async () => {
      const { doc } = await getHtml(server, `/${language}/`);
      const lead = doc.querySelector('article.lead h2 a');
      assert.ok(lead, 'no lead story (article.lead h2 a)');
      await getHtml(server, lead.attr('href'));

      const latest = doc.querySelectorAll('section.latest li a');
      assert.ok(latest.length > 0, 'no latest stories');
      assert.ok(!latest.some((a) => a.attr('href') === lead.attr('href')), 'the lead story is repeated in the latest list');

      const sections = doc.querySelectorAll('nav.sections a').map((a) => ({ name: a.innerText, href: a.attr('href') }));
      const blocks = doc.querySelectorAll('section.section-block').map((block) => ({
        name: block.querySelector('h2')?.innerText,
        href: block.querySelector('h2 a')?.attr('href'),
        stories: block.querySelectorAll('li a').length,
      }));
      assert.ok(sections.length > 0, 'no section links');
      assert.deepEqual(blocks.map(({ name, href }) => ({ name, href })), sections, 'one block per section, in the same order');
      for (const block of blocks) {
        assert.ok(block.stories >= 1 && block.stories <= 5, `block ${block.name} has ${block.stories} stories (1..5 expected)`);
      }
    });
  }

  it('paginates a section with rel="prev" and rel="next" links', needsSharedData, async () => {
    const section = '/en/sport/';
    const last = await lastPage(server, section);
    assert.ok(last >= 3, `expected at least 3 pages of sport stories, found ${last}`);

    const first = await getHtml(server, section);
    const firstNav = first.doc.querySelector('nav.pagination');
    assert.ok(firstNav, 'page 1 has no nav.pagination');
    assert.equal(firstNav.querySelector('a[rel=prev]'), null, 'page 1 links a previous page');
    assert.deepEqual(linkedPage(server, section, firstNav.querySelector('a[rel=next]')?.attr('href') ?? ''),
      { path: section, page: 2 }, 'page 1 rel="next"');

    const second = await getHtml(server, `${section}?page=2`);
    const secondNav = second.doc.querySelector('nav.pagination');
    assert.ok(secondNav, 'page 2 has no nav.pagination');
    assert.deepEqual(linkedPage(server, section, secondNav.querySelector('a[rel=prev]')?.attr('href') ?? ''),
      { path: section, page: 1 }, 'page 2 rel="prev"');
    assert.deepEqual(linkedPage(server, section, secondNav.querySelector('a[rel=next]')?.attr('href') ?? ''),
      { path: section, page: 3 }, 'page 2 rel="next"');

    const firstItems = listItems(first.doc);
    const secondItems = listItems(second.doc);
    assert.ok(firstItems.length > 0 && secondItems.length > 0);
    assert.equal(secondItems.length, firstItems.length, 'page 2 of many is not a full page');
    const firstHrefs = new Set(firstItems.map((item) => item.href));
    assert.ok(!secondItems.some((item) => firstHrefs.has(item.href)), 'page 2 repeats stories of page 1');
    assertNewestFirst(first.doc, 'page 1');
    assertNewestFirst(second.doc, 'page 2');
    const lastOfFirst = first.doc.querySelectorAll('ol.story-list time').at(-1)?.attr('datetime');
    const firstOfSecond = second.doc.querySelector('ol.story-list time')?.attr('datetime');
    if (lastOfFirst && firstOfSecond) assert.ok(firstOfSecond <= lastOfFirst, 'page 2 has newer stories than page 1');

    const final = await getHtml(server, `${section}?page=${last}`);
    const finalNav = final.doc.querySelector('nav.pagination');
    assert.ok(finalNav?.querySelector('a[rel=prev]'), 'the last page has no rel="prev"');
    assert.equal(finalNav.querySelector('a[rel=next]'), null, 'the last page links a next page');

    for (const beyond of [last + 1, 9999]) {
      const response = await server.fetch(`${section}?page=${beyond}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404, `GET ${section}?page=${beyond}`);
    }
  });

  it('lists the whole edition on /en/?page=2', needsSharedData, async () => {
    const { doc } = await getHtml(server, '/en/?page=2');
    assert.ok(listItems(doc).length > 0, 'no stories on /en/?page=2');
    assert.ok(doc.querySelector('nav.pagination a[rel=prev]'), 'no rel="prev" on /en/?page=2');
  });

  it('shows a tag page with the seed article and its related stories', needsSharedData, async () => {
    const seed = seedArticle();
    const { doc } = await getHtml(server, '/en/tag/iran/');
    assert.equal(doc.querySelector('h1')?.innerText, 'Iran');
    const headlines = [];
    const last = await lastPage(server, '/en/tag/iran/');
    for (let page = 1; page <= last; page += 1) {
      headlines.push(...listItems((await getHtml(server, `/en/tag/iran/?page=${page}`)).doc));
    }
    assert.ok(headlines.some((item) => item.href === seedPath), 'the seed article is not on /en/tag/iran/');
    for (const story of seed.related) {
      assert.ok(headlines.some((item) => item.headline === story.headline), `"${story.headline}" is not on /en/tag/iran/`);
    }
  });
});
