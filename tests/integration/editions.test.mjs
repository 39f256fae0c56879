// The two editions: English pages are lang="en" dir="ltr", Arabic pages lang="ar" dir="rtl",
// and each shows timestamps in the site format with its own day and month names.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { allSharedData, needsSharedData, siteConfig, startGazette } from '../lib/server.mjs';
import { getHtml, seedPath, siteTimestamp } from '../lib/site.mjs';

const kArabicLetters = /[\u0600-\u06ff]/;

// Every <time> on the page: its datetime is UTC and its text is the site format of that time.
function assertTimestamps(doc, language, where) {
  const times = doc.querySelectorAll('time');
  assert.ok(times.length > 0, `${where}: no <time> elements`);
  for (const time of times) {
    const datetime = time.attr('datetime');
    assert.match(datetime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, `${where}: datetime attribute`);
    assert.equal(time.textContent, siteTimestamp(datetime, language), `${where}: <time datetime="${datetime}">`);
  }
}

describe('editions', () => {
  let server;
  // A few pages of each edition, found by following links: home, a section, a tag, an article.
  const pages = { en: [], ar: [] };
  const articles = {};

  before(async () => {
    if (needsSharedData.skip) return;
    server = await startGazette({ load: allSharedData, config: siteConfig });
    for (const language of ['en', 'ar']) {
      const home = `/${language}/`;
      const { doc } = await getHtml(server, home);
      const section = doc.querySelector('nav.sections a')?.attr('href');
      const article = doc.querySelector('article.lead h2 a')?.attr('href');
      assert.ok(section, `${home} links no section`);
      assert.ok(article, `${home} has no lead story`);
      const tag = (await getHtml(server, article)).doc.querySelector('ul.tags a')?.attr('href');
      const next = (await getHtml(server, section)).doc.querySelector('a[rel=next]')?.attr('href');
      articles[language] = article;
      pages[language].push(home, `/${language}/?page=2`, section, article);
      if (next) pages[language].push(new URL(next, server.url(section)).pathname + new URL(next, server.url(section)).search);
      if (tag) pages[language].push(tag);
    }
    pages.en.push(seedPath, '/en/tag/iran/');
  });
  after(async () => {
    await server?.stop();
  });

  it('marks English pages lang="en" dir="ltr"', needsSharedData, async () => {
    for (const target of pages.en) {
      const { doc } = await getHtml(server, target);
      const html = doc.querySelector('html');
      assert.deepEqual({ lang: html.attr('lang'), dir: html.attr('dir') }, { lang: 'en', dir: 'ltr' }, `GET ${target}`);
    }
  });

  it('marks Arabic pages lang="ar" dir="rtl"', needsSharedData, async () => {
    assert.ok(pages.ar.some((target) => target.includes('/tag/')), 'found no Arabic tag page to check');
    for (const target of pages.ar) {
      const { doc } = await getHtml(server, target);
      const html = doc.querySelector('html');
      assert.deepEqual({ lang: html.attr('lang'), dir: html.attr('dir') }, { lang: 'ar', dir: 'rtl' }, `GET ${target}`);
    }
  });

  it('shows English timestamps with English names', needsSharedData, async () => {
    for (const target of pages.en) assertTimestamps((await getHtml(server, target)).doc, 'en', `GET ${target}`);
  });

  it('shows Arabic timestamps with Arabic day and month names', needsSharedData, async () => {
    for (const target of pages.ar) {
      const { doc } = await getHtml(server, target);
      assertTimestamps(doc, 'ar', `GET ${target}`);
      for (const time of doc.querySelectorAll('time')) {
        assert.match(time.textContent, /^GMT \d\d:\d\d \d{4} [\u0600-\u06ff]+ ,\d\d [\u0600-\u06ff]+$/, `GET ${target}`);
      }
    }
  });

  it('formats a known time the way the seed page does, in both languages', () => {
    assert.equal(siteTimestamp('2018-11-06T15:01:00Z', 'en'), 'GMT 15:01 2018 Tuesday ,06 November');
    assert.equal(siteTimestamp('2018-11-06T15:01:00Z', 'ar'), 'GMT 15:01 2018 الثلاثاء ,06 نوفمبر');
  });

  it('shows an Arabic article with its headline, body and Arabic interface', needsSharedData, async () => {
    const article = articles.ar;
    const { doc } = await getHtml(server, article);
    const headline = doc.querySelector('article h1')?.innerText ?? '';
    assert.match(headline, kArabicLetters, `GET ${article}: h1 "${headline}"`);
    const paragraphs = doc.querySelectorAll('div.body p').map((p) => p.innerText).filter(Boolean);
    assert.ok(paragraphs.length > 0, `GET ${article}: no body paragraphs`);
    assert.match(paragraphs.join(' '), kArabicLetters);
    assert.match(doc.querySelector('a[href="#main"]')?.innerText ?? '', kArabicLetters,
      'the skip link of the Arabic page is not in Arabic');
    assert.equal(doc.querySelector('footer.site-footer') !== null, true, 'no footer');
  });

  it('links each edition to the other', needsSharedData, async () => {
    for (const [home, other] of [['/en/', '/ar/'], ['/ar/', '/en/']]) {
      const { doc } = await getHtml(server, home);
      const link = doc.querySelector(`nav.editions a[href="${other}"]`);
      assert.ok(link, `${home} does not link ${other}`);
      assert.equal(link.attr('lang'), other.slice(1, 3));
    }
  });
});
