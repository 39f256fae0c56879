// The newsroom in Chromium (docs/newsroom.md): an editor signs in, writes a story, previews it,
// publishes it, finds it on the public site in the story's edition, corrects it and sees the
// correction there; then the same for an Arabic story, checking that the editing fields and the
// preview run right to left, that a sentence mixing Arabic and English keeps its punctuation in
// place (measured from the rendered glyph boxes), and that the text comes back byte for byte
// through preview, save and the public page. Screenshots go to tests/browser/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { launchBrowser, openPage, screenshot } from '../lib/browser.mjs';
import { addUser, password } from '../lib/newsroom.mjs';
import { startGazette } from '../lib/server.mjs';

// An Arabic sentence quoting an English name, with a colon, quotation marks and a full stop:
// the kind of line WordPress's editor scrambles (Gutenberg #12876, #65061).
const kMixed = 'قال المتحدث باسم Reuters: "نعم".';

async function signIn(page, server, name) {
  await page.goto(server.url('/newsroom/sign-in'));
  await page.fill('#name', name);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/newsroom\/stories\/$/), page.click('form button[type=submit]')]);
}

async function fillStory(page, story) {
  await page.selectOption('#language', story.language);
  for (const field of ['headline', 'standfirst', 'body', 'section', 'tags', 'byline', 'dateline', 'source'])
    await page.fill(`#${field}`, story[field]);
}

// Clicks one of the editor's buttons (save, preview, publish...) and waits for the page it loads.
async function press(page, what) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(`.nr-buttons button[value=${what}]`)]);
}

// The boxes of a few characters of the first text node holding `sentence` inside `selector`,
// as laid out on screen: { index: {left, right} } for each index of the sentence asked for.
async function glyphBoxes(page, selector, sentence, indexes) {
  return page.evaluate(({ selector, sentence, indexes }) => {
    const root = document.querySelector(selector);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.data.indexOf(sentence);
      if (start < 0) continue;
      const out = {};
      for (const index of indexes) {
        const range = document.createRange();
        range.setStart(node, start + index);
        range.setEnd(node, start + index + 1);
        const rect = range.getBoundingClientRect();
        out[index] = { left: rect.left, right: rect.right, top: rect.top };
      }
      return out;
    }
    return null;
  }, { selector, sentence, indexes });
}

// In a right-to-left paragraph the sentence reads from the right: "قال" at the right end, then
// "Reuters" with its colon on its left (after it, reading right to left), the quoted "نعم"
// further left, and the full stop last, at the left end. A left-to-right paragraph would put
// the full stop at the right end and the colon on the right of "Reuters".
async function assertMixedSentenceInPlace(page, selector) {
  const reuters = kMixed.indexOf('Reuters');
  const colon = kMixed.indexOf(':');
  const yes = kMixed.indexOf('نعم');
  const stop = kMixed.length - 1;
  const indexes = [0, reuters, reuters + 6, colon, yes, stop];
  const box = await glyphBoxes(page, selector, kMixed, indexes);
  assert.ok(box, `no "${kMixed}" in ${selector}`);
  for (const index of indexes) assert.equal(Math.round(box[index].top), Math.round(box[0].top), 'the sentence fits one line');
  const rightmost = Math.max(...indexes.map((i) => box[i].right));
  const leftmost = Math.min(...indexes.map((i) => box[i].left));
  assert.equal(box[0].right, rightmost, 'the sentence starts at the right end');
  assert.equal(box[stop].left, leftmost, 'the full stop sits at the left end');
  assert.ok(box[reuters].left < box[reuters + 6].left, '"Reuters" runs left to right inside');
  assert.ok(box[colon].right <= box[reuters].left + 0.5, 'the colon follows "Reuters" on its left');
  assert.ok(box[yes].right <= box[colon].left + 0.5, '"نعم" comes after the colon, further left');
}

describe('the newsroom in a browser', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startGazette();
    await addUser(server, 'editor', 'editor');
    browser = await launchBrowser();
    page = await openPage(browser);
    await signIn(page, server, 'editor');
  });
  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('writes, previews, publishes and corrects an English story', async () => {
    await page.click('a[href="/newsroom/stories/new"]');
    await page.waitForURL(/\/newsroom\/stories\/new$/);
    const story = {
      language: 'en', headline: 'Bridge reopens after repairs', standfirst: 'Traffic flows again on the river crossing.',
      body: 'The bridge **reopened** on Monday.\n\nWork took six weeks.', section: 'Local', tags: 'Transport, Riverton',
      byline: 'A. Reporter', dateline: 'RIVERTON', source: 'Gazette',
    };
    await fillStory(page, story);
    await press(page, 'preview');
    const preview = page.locator('section.nr-preview');
    assert.equal(await preview.getAttribute('dir'), 'ltr');
    assert.equal(await preview.locator('h1').innerText(), story.headline);
    assert.equal(await preview.locator('.body strong').innerText(), 'reopened');
    assert.equal(await page.inputValue('#body'), story.body, 'the preview keeps the text being edited');
    await screenshot(page, 'newsroom-preview-en');

    await press(page, 'publish');
    assert.match(page.url(), /\/newsroom\/stories\/\d+\?saved=publish$/);
    assert.equal(await page.locator('.nr-status').getAttribute('data-status'), 'published');
    const href = await page.locator('a.nr-public-link').getAttribute('href');
    assert.match(href, /^\/en\/local\//);

    let reader = await openPage(browser);
    await reader.goto(server.url(href));
    assert.equal(await reader.locator('html').getAttribute('lang'), 'en');
    assert.equal(await reader.locator('main h1').innerText(), story.headline);
    await reader.goto(server.url('/en/'));
    assert.ok((await reader.locator('main').innerText()).includes(story.headline), 'on the English home page');

    await page.selectOption('#kind', 'correction');
    await page.fill('#note-text', 'An earlier version gave the wrong day.');
    await Promise.all([page.waitForNavigation(), page.click('.nr-notes button[type=submit]')]);
    assert.match(page.url(), /saved=note$/);
    // Public pages may be kept by the browser for a minute (cache_control): a new reader looks.
    await reader.context().close();
    reader = await openPage(browser);
    await reader.goto(server.url(href));
    const notes = reader.locator('aside.notes');
    assert.ok(await notes.isVisible(), 'the correction is not shown to readers');
    assert.equal(await notes.locator('h2').innerText(), 'Corrections and updates');
    assert.ok((await notes.innerText()).includes('An earlier version gave the wrong day.'));
    await screenshot(reader, 'newsroom-corrected-en');
    assert.deepEqual(reader.problems, []);
    await reader.context().close();
    assert.deepEqual(page.problems, []);
  });

  it('keeps an Arabic story right to left, with mixed text in place, from editor to public page', async () => {
    await page.goto(server.url('/newsroom/stories/new'));
    const story = {
      language: 'ar', headline: `${kMixed}`, standfirst: 'موجز الخبر عن وكالة Reuters.',
      body: `${kMixed}\n\nفقرة **ثانية** من النص.`, section: 'سياسة', tags: 'رويترز، اختبار',
      byline: 'مراسل الصحيفة', dateline: 'بيروت', source: 'Reuters',
    };
    await fillStory(page, story);
    await press(page, 'preview');

    // The editing block and the preview carry the story's direction; free text is dir=auto.
    assert.equal(await page.locator('.nr-fields').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.nr-fields').getAttribute('lang'), 'ar');
    for (const field of ['headline', 'standfirst', 'body', 'section', 'tags', 'byline', 'dateline', 'source']) {
      const input = page.locator(`#${field}`);
      assert.equal(await input.getAttribute('dir'), 'auto', field);
      // dir=auto: a field whose text starts in Arabic runs right to left, "Reuters" left to right.
      const expected = /^[\u0600-\u06ff]/.test(story[field]) ? 'rtl' : 'ltr';
      assert.equal(await input.evaluate((e) => getComputedStyle(e).direction), expected, `${field}'s direction`);
      assert.equal(await input.inputValue(), story[field], `${field} changed on its way through the preview`);
    }
    const preview = page.locator('section.nr-preview');
    assert.equal(await preview.getAttribute('dir'), 'rtl');
    assert.equal(await preview.getAttribute('lang'), 'ar');
    assert.equal(await preview.evaluate((e) => getComputedStyle(e).direction), 'rtl');
    assert.equal(await preview.locator('h1').textContent(), kMixed, 'the headline changed in the preview');
    assert.equal(await preview.locator('.body p').first().textContent(), kMixed, 'the body changed in the preview');
    await assertMixedSentenceInPlace(page, 'section.nr-preview .body p');
    await assertMixedSentenceInPlace(page, 'section.nr-preview h1');
    await screenshot(page, 'newsroom-preview-ar');

    await press(page, 'save');
    assert.match(page.url(), /\/newsroom\/stories\/\d+\?saved=save$/);
    for (const field of ['headline', 'standfirst', 'body', 'section', 'tags', 'byline', 'dateline', 'source'])
      assert.equal(await page.inputValue(`#${field}`), story[field], `${field} changed on its way through the store`);
    assert.equal(await page.inputValue('#language'), 'ar');

    await press(page, 'publish');
    const href = await page.locator('a.nr-public-link').getAttribute('href');
    assert.ok(href.startsWith('/ar/'), href);
    let reader = await openPage(browser);
    await reader.goto(server.url(href));
    assert.equal(await reader.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await reader.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await reader.locator('main h1').textContent(), kMixed);
    await assertMixedSentenceInPlace(reader, 'main h1');
    await reader.goto(server.url('/ar/'));
    assert.ok((await reader.locator('main').textContent()).includes(kMixed), 'on the Arabic home page');
    await reader.goto(server.url('/en/'));
    assert.ok(!(await reader.locator('main').textContent()).includes(kMixed), 'not in the English edition');

    const correction = 'صُحّح اسم الوكالة: Reuters، لا AFP.';
    await page.fill('#note-text', correction);
    await Promise.all([page.waitForNavigation(), page.click('.nr-notes button[type=submit]')]);
    await reader.context().close();
    reader = await openPage(browser);
    await reader.goto(server.url(href));
    const notes = reader.locator('aside.notes');
    assert.ok(await notes.isVisible(), 'the correction is not shown to readers');
    assert.equal(await notes.locator('li span').textContent(), correction);
    await screenshot(reader, 'newsroom-corrected-ar');
    assert.deepEqual(reader.problems, []);
    await reader.context().close();
    assert.deepEqual(page.problems, []);
  });

  it('shows the newsroom itself in Arabic, right to left', async () => {
    await page.goto(server.url('/newsroom/language/ar'));
    await page.waitForURL(/\/newsroom\/stories\/$/);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('h1').evaluate((e) => getComputedStyle(e).direction), 'rtl');
    await screenshot(page, 'newsroom-stories-ar');
    await page.goto(server.url('/newsroom/language/en'));
    assert.deepEqual(page.problems, []);
  });
});
