// What a reader sees in a real browser (Debian's Chromium): the seed article and an Arabic
// article, the Arabic layout mirrored right to left, and the site working without JavaScript.
// Screenshots go to tests/browser/screenshots/ (not in git) for a look by eye.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { launchBrowser, openPage, screenshot } from '../lib/browser.mjs';
import { allSharedData, needsSharedData, siteConfig, startGazette } from '../lib/server.mjs';
import { seedArticle, seedPath } from '../lib/site.mjs';

const kArabicLetters = /[\u0600-\u06ff]/;
const kArabicTimestamp = /^GMT \d\d:\d\d \d{4} [\u0600-\u06ff]+ ,\d\d [\u0600-\u06ff]+$/;
const kTolerancePx = 2;

// Page boxes as the reader's browser lays them out, in CSS pixels.
async function boxes(page) {
  return page.evaluate(() => {
    const box = (element) => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, top: rect.top, width: rect.width };
    };
    const contentBox = (element) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        left: rect.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth),
        right: rect.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth),
      };
    };
    const h1 = document.querySelector('main h1');
    // Where the headline's last line of text sits (text, not the block box).
    const range = document.createRange();
    range.selectNodeContents(h1);
    const lines = [...range.getClientRects()];
    const lastLine = lines.at(-1);
    return {
      main: contentBox(document.querySelector('main')),
      h1: box(h1),
      h1LastLine: lastLine ? { left: lastLine.left, right: lastLine.right } : null,
      masthead: contentBox(document.querySelector('.masthead-top') ?? document.querySelector('header')),
      siteName: box(document.querySelector('.site-name')),
      editions: box(document.querySelector('nav.editions')),
    };
  });
}

// The checks a reader of the seed page makes; used with and without JavaScript.
async function assertSeedPageReadable(page, seed) {
  const headline = page.locator('main h1');
  await headline.waitFor({ state: 'visible' });
  assert.equal(await headline.innerText(), seed.headline);
  assert.equal(await page.title().then((title) => title.includes(seed.headline)), true, 'the title lacks the headline');

  const dateline = page.locator('div.body p.dateline');
  assert.ok(await dateline.isVisible(), 'the dateline is not visible');
  assert.equal((await dateline.textContent()).trim(), seed.dateline);

  const paragraphs = page.locator('div.body p:not(.dateline)');
  assert.deepEqual(await paragraphs.allInnerTexts(), seed.body_paragraphs);
  for (let i = 0; i < seed.body_paragraphs.length; i += 1) {
    assert.ok(await paragraphs.nth(i).isVisible(), `paragraph ${i + 1} is not visible`);
  }

  const source = page.locator('p.source');
  assert.ok(await source.isVisible(), 'the source line is not visible');
  assert.equal(await source.innerText(), 'Source: AFP');

  const related = page.locator('aside.related li');
  assert.equal(await related.count(), seed.related.length);
  for (const [i, story] of seed.related.entries()) {
    const item = related.nth(i);
    const time = item.locator('time');
    assert.ok(await time.isVisible(), `related story ${i + 1}: the time is not visible`);
    assert.equal(await time.innerText(), story.shown_as);
    assert.equal(await time.getAttribute('datetime'), story.published_at);
    const link = item.getByRole('link');
    assert.ok(await link.isVisible(), `related story ${i + 1}: the link is not visible`);
    assert.equal(await link.innerText(), story.headline);
  }

  const footer = page.locator('footer.site-footer p');
  assert.deepEqual(await footer.allInnerTexts(), seed.site.footer_lines);
  for (let i = 0; i < seed.site.footer_lines.length; i += 1) {
    assert.ok(await footer.nth(i).isVisible(), `footer line ${i + 1} is not visible`);
  }

  // The stylesheet arrived and applies: the body paragraphs are not in the browser's default size.
  const styled = await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
  assert.ok(styled, 'no stylesheet applies');
}

describe('a reader in Chromium', () => {
  let server;
  let browser;
  const seed = needsSharedData.skip ? null : seedArticle();

  before(async () => {
    if (needsSharedData.skip) return;
    server = await startGazette({ load: allSharedData, config: siteConfig });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the seed article: headline, paragraphs, source, related stories, footer', needsSharedData, async () => {
    const page = await openPage(browser);
    try {
      const response = await page.goto(server.url(seedPath));
      assert.equal(response.status(), 200);
      await assertSeedPageReadable(page, seed);
      await screenshot(page, 'seed-article-en');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'ltr');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });

  it('follows a related story link to its page', needsSharedData, async () => {
    const page = await openPage(browser);
    try {
      await page.goto(server.url(seedPath));
      const story = seed.related[0];
      await page.locator('aside.related').getByRole('link', { name: story.headline }).click();
      await page.waitForURL((url) => url.pathname !== seedPath);
      assert.equal(await page.locator('main h1').innerText(), story.headline);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });

  it('lays the English article out left to right', needsSharedData, async () => {
    const page = await openPage(browser);
    try {
      await page.goto(server.url(seedPath));
      const layout = await boxes(page);
      assert.ok(Math.abs(layout.h1.left - layout.main.left) <= kTolerancePx,
        `the headline does not start at the main column's left edge: ${JSON.stringify(layout)}`);
      assert.ok(Math.abs(layout.h1LastLine.left - layout.h1.left) <= kTolerancePx,
        `the headline text is not left-aligned: ${JSON.stringify(layout)}`);
      assert.ok(layout.siteName.left < layout.editions.left, `the site name is not left of the editions: ${JSON.stringify(layout)}`);
      assert.ok(Math.abs(layout.siteName.left - layout.masthead.left) <= kTolerancePx,
        `the site name is not at the masthead's left: ${JSON.stringify(layout)}`);
    } finally {
      await page.context().close();
    }
  });

  it('reads an Arabic article right to left, with the layout mirrored', needsSharedData, async () => {
    const page = await openPage(browser);
    try {
      await page.goto(server.url('/ar/'));
      const lead = page.locator('article.lead h2 a');
      const leadHeadline = await lead.innerText();
      await lead.click();
      await page.waitForURL((url) => url.pathname !== '/ar/');
      const headline = page.locator('main h1');
      await headline.waitFor({ state: 'visible' });
      assert.equal(await headline.innerText(), leadHeadline);
      assert.match(leadHeadline, kArabicLetters);

      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      const direction = await page.evaluate(() => ({
        html: getComputedStyle(document.documentElement).direction,
        h1: getComputedStyle(document.querySelector('main h1')).direction,
        body: getComputedStyle(document.querySelector('div.body')).direction,
      }));
      assert.deepEqual(direction, { html: 'rtl', h1: 'rtl', body: 'rtl' });

      const paragraphs = await page.locator('div.body p').allInnerTexts();
      assert.ok(paragraphs.some((text) => kArabicLetters.test(text)), 'no Arabic body paragraph');
      const time = page.locator('article header time');
      if (await time.count()) assert.match(await time.innerText(), kArabicTimestamp);
      assert.ok(await page.locator('footer.site-footer').isVisible(), 'the footer is not visible');

      const layout = await boxes(page);
      assert.ok(Math.abs(layout.h1.right - layout.main.right) <= kTolerancePx,
        `the headline does not start at the main column's right edge: ${JSON.stringify(layout)}`);
      assert.ok(Math.abs(layout.h1LastLine.right - layout.h1.right) <= kTolerancePx,
        `the headline text is not right-aligned: ${JSON.stringify(layout)}`);
      assert.ok(layout.siteName.right > layout.editions.right,
        `the site name is not right of the editions: ${JSON.stringify(layout)}`);
      assert.ok(Math.abs(layout.siteName.right - layout.masthead.right) <= kTolerancePx,
        `the site name is not at the masthead's right: ${JSON.stringify(layout)}`);

      await screenshot(page, 'article-ar');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });

  it('keeps English footer lines in reading order on Arabic pages', needsSharedData, async () => {
    // In a right-to-left page, an English line whose direction is not marked (dir or <bdi>) has
    // its closing punctuation drawn at its left: the reader sees ".Maintained ... SAL".
    const page = await openPage(browser);
    try {
      await page.goto(server.url('/ar/'));
      const lines = await page.evaluate(() => [...document.querySelectorAll('footer.site-footer p')].map((p) => {
        const text = p.firstChild;
        const charBox = (offset) => {
          const range = document.createRange();
          range.setStart(text, offset);
          range.setEnd(text, offset + 1);
          return range.getBoundingClientRect();
        };
        const content = text.textContent;
        const start = content.length - content.trimStart().length;
        const end = content.trimEnd().length - 1;
        return { text: content.trim(), firstLeft: charBox(start).left, lastLeft: charBox(end).left };
      }));
      const english = lines.filter((line) => /^[A-Za-z]/.test(line.text));
      assert.ok(english.length > 0, 'no English footer line on /ar/ to check');
      const reversed = english.filter((line) => !(line.firstLeft < line.lastLeft));
      assert.deepEqual(reversed.map((line) => line.text), [],
        `drawn out of order (last character left of the first): ${JSON.stringify(reversed)}`);
    } finally {
      await page.context().close();
    }
  });

  it('shows Arabic timestamps in the Arabic home page', needsSharedData, async () => {
    const page = await openPage(browser);
    try {
      await page.goto(server.url('/ar/'));
      const times = await page.locator('main time').allInnerTexts();
      assert.ok(times.length > 0, 'no timestamps on /ar/');
      for (const text of times) assert.match(text, kArabicTimestamp);
      await screenshot(page, 'home-ar');
      await page.goto(server.url('/en/'));
      await screenshot(page, 'home-en');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });

  it('works with JavaScript disabled: reading, sections, pages, editions', needsSharedData, async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(server.url(seedPath));
      await assertSeedPageReadable(page, seed);

      // Section navigation, then the next page of the section, by clicking as a reader does.
      await page.locator('nav.sections').getByRole('link', { name: 'Sport', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/en/sport/');
      const firstPage = await page.locator('ol.story-list h2').allInnerTexts();
      assert.ok(firstPage.length > 0, 'no stories on /en/sport/');
      await page.locator('nav.pagination a[rel=next]').click();
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      const secondPage = await page.locator('ol.story-list h2').allInnerTexts();
      assert.ok(secondPage.length > 0, 'no stories on page 2');
      assert.notDeepEqual(secondPage, firstPage);

      // The other edition, and one of its articles.
      await page.locator('nav.editions a[lang=ar]').click();
      await page.waitForURL((url) => url.pathname === '/ar/');
      await page.locator('article.lead h2 a').click();
      await page.waitForURL((url) => url.pathname !== '/ar/');
      assert.match(await page.locator('main h1').innerText(), kArabicLetters);
      await screenshot(page, 'article-ar-no-javascript');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });
});
