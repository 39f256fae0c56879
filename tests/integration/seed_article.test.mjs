// The seed article page shows everything the scraped page had (shared/seed/README.md): the
// headline, dateline, the 18 body paragraphs exactly, the source line, the five related stories
// with their timestamps in the site's format, the tags and the footer lines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { allSharedData, needsSharedData, siteConfig, startGazette } from '../lib/server.mjs';
import { getHtml, seedArticle, seedPath, siteTimestamp } from '../lib/site.mjs';

describe('the seed article page', () => {
  let server;
  let doc;
  const seed = needsSharedData.skip ? null : seedArticle();

  before(async () => {
    if (needsSharedData.skip) return;
    server = await startGazette({ load: allSharedData, config: siteConfig });
    ({ doc } = await getHtml(server, seedPath));
  });
  after(async () => {
    await server?.stop();
  });

  it('is an English page with the headline as its only h1 and in the title', needsSharedData, () => {
    const html = doc.querySelector('html');
    assert.equal(html.attr('lang'), 'en');
    assert.equal(html.attr('dir'), 'ltr');
    const headings = doc.querySelectorAll('h1');
    assert.deepEqual(headings.map((h) => h.innerText), [seed.headline]);
    assert.match(doc.querySelector('title').innerText, new RegExp(seed.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('shows the publication time in the site format', needsSharedData, () => {
    const time = doc.querySelector('article header time');
    assert.ok(time, 'no <time> in the article header');
    assert.equal(time.attr('datetime'), seed.published_at);
    assert.equal(time.innerText, 'GMT 12:00 2016 Thursday ,09 June');
  });

  it('links the section in the kicker', needsSharedData, async () => {
    const link = doc.querySelector('article p.kicker a');
    assert.ok(link, 'no section link (p.kicker a)');
    assert.equal(link.innerText, seed.section);
    assert.equal(link.attr('href'), '/en/middle-east/');
    const section = await getHtml(server, link.attr('href'));
    assert.ok(section.doc.querySelectorAll('ol.story-list a').some((a) => a.attr('href') === seedPath),
      'the section page does not list the seed article');
  });

  it('starts the body with the dateline', needsSharedData, () => {
    const first = doc.querySelector('div.body > p');
    assert.ok(first, 'no <p> in div.body');
    assert.ok(first.hasClass('dateline'), `first paragraph of div.body is not p.dateline: ${first.innerText}`);
    assert.equal(first.innerText, seed.dateline);
  });

  it('shows the 18 body paragraphs exactly, in order, after the dateline', needsSharedData, () => {
    const paragraphs = doc.querySelectorAll('div.body > p').filter((p) => !p.hasClass('dateline'));
    assert.equal(seed.body_paragraphs.length, 18);
    assert.deepEqual(paragraphs.map((p) => p.textContent), seed.body_paragraphs);
  });

  it('says "Source: AFP" after the body', needsSharedData, () => {
    const source = doc.querySelectorAll('p.source');
    assert.equal(source.length, 1, 'expected one p.source');
    assert.equal(source[0].innerText, `Source: ${seed.source}`);
    assert.equal(seed.source, 'AFP');
  });

  it('lists the five related stories, newest first, with the exact timestamps', needsSharedData, () => {
    const items = doc.querySelectorAll('aside.related li');
    assert.deepEqual(
      items.map((li) => ({
        datetime: li.querySelector('time')?.attr('datetime'),
        shown_as: li.querySelector('time')?.textContent,
        headline: li.querySelector('a')?.textContent,
        text: li.textContent,
      })),
      seed.related.map((story) => ({
        datetime: story.published_at,
        shown_as: story.shown_as,
        headline: story.headline,
        text: `${story.shown_as} ${story.headline}`,
      })));
    // The fixture's own strings agree with the format the tests compute.
    for (const story of seed.related) assert.equal(siteTimestamp(story.published_at, 'en'), story.shown_as);
  });

  it('links each related story to a page with that headline', needsSharedData, async () => {
    const links = doc.querySelectorAll('aside.related li a');
    assert.equal(links.length, seed.related.length);
    for (const [index, link] of links.entries()) {
      const href = link.attr('href');
      assert.match(href, /^\/en\/[a-z0-9-]+\/[a-z0-9-]+$/, `related link ${index}`);
      const page = await getHtml(server, href);
      assert.equal(page.doc.querySelector('h1')?.innerText, seed.related[index].headline, `GET ${href}: h1`);
      assert.equal(page.doc.querySelector('article header time')?.attr('datetime'), seed.related[index].published_at,
        `GET ${href}: time`);
    }
  });

  it('lists the tags, each linking to a tag page that lists the seed', needsSharedData, async () => {
    const links = doc.querySelectorAll('ul.tags li a');
    assert.deepEqual(links.map((a) => a.innerText), seed.tags);
    for (const link of links) {
      const href = link.attr('href');
      assert.match(href, /^\/en\/tag\/[a-z0-9-]+\/$/);
      const tag = await getHtml(server, href);
      assert.equal(tag.doc.querySelector('h1')?.innerText, link.innerText, `GET ${href}: h1`);
      assert.ok(tag.doc.querySelectorAll('ol.story-list a').some((a) => a.attr('href') === seedPath),
        `GET ${href} does not list the seed article`);
    }
  });

  it('ends with the footer lines, one paragraph each', needsSharedData, () => {
    const footer = doc.querySelectorAll('footer.site-footer');
    assert.equal(footer.length, 1, 'expected one footer.site-footer');
    assert.deepEqual(footer[0].querySelectorAll('p').map((p) => p.innerText), seed.site.footer_lines);
  });
});
