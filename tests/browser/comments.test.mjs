// Hostile comments in Chromium (docs/comments.md): a page holding every payload of
// tests/data/xss_payloads.txt runs none of them (no dialog, window.__xss never set, the title
// unchanged), and a visitor with JavaScript off can send a comment and sees the notice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser, openPage } from '../lib/browser.mjs';
import { commentsConfig, firstArticlePath, goodToken, postComment, readForm } from '../lib/comments.mjs';
import { dataSets, repoRoot, startGazette } from '../lib/server.mjs';

const payloads = readFileSync(path.join(repoRoot, 'tests', 'data', 'xss_payloads.txt'), 'utf8')
  .split('\n').filter((line) => line.length > 0);

describe('comments in a browser', () => {
  let server;
  let browser;
  let articlePath;
  let expectedTitle;

  before(async () => {
    server = await startGazette({
      load: [dataSets.sample], config: commentsConfig({ auto_publish: true, max_links: 10, min_fill_seconds: 0, page_size: 500 }),
    });
    articlePath = await firstArticlePath(server, 'en');
    const { action, articleId, doc } = await readForm(server, articlePath);
    expectedTitle = doc.querySelector('title').textContent;
    for (const [index, payload] of payloads.entries()) {
      const name = index % 5 === 0 ? payload.slice(0, 80) : `Visitor ${index}`;
      const sent = await postComment(server, action, { name, text: payload, token: goodToken(articleId) });
      assert.equal(sent.status, 303, `payload ${index}`);
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs no script from any payload', async () => {
    const page = await openPage(browser);
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    const outbound = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl)) outbound.push(request.url());
    });
    await page.goto(server.url(articlePath), { waitUntil: 'load' });
    // Give timers, autofocus handlers and animations a chance to fire; not a timing assertion.
    await page.mouse.move(200, 200);
    for (const item of await page.locator('li.comment').all()) await item.hover({ trial: false }).catch(() => {});
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'window.__xss was set');
    assert.equal(await page.title(), expectedTitle);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(outbound, [], 'the page fetched something from elsewhere');
    const shown = await page.locator('li.comment .comment-text').allTextContents();
    assert.deepEqual(shown, payloads);
    assert.equal(await page.locator('li.comment a[href^="javascript"]').count(), 0);
    await page.context().close();
  });

  it('sends a comment with JavaScript off and shows the notice', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(server.url(articlePath));
    await page.fill('#comment-name', 'No Script');
    await page.fill('#comment-text', 'Sent from a browser without JavaScript.\nSecond line.');
    assert.equal(await page.locator('#comment-published').isVisible(), false);
    await Promise.all([page.waitForURL(/#comment-published$/), page.click('.comment-form button[type=submit]')]);
    assert.equal(await page.locator('#comment-published').isVisible(), true);
    const last = page.locator('li.comment .comment-text').last();
    assert.equal(await last.innerText(), 'Sent from a browser without JavaScript.\nSecond line.');
    const display = await page.locator('.comment-website').evaluate((e) => getComputedStyle(e).display).catch((e) => String(e));
    assert.equal(await page.locator('.comment-website').isVisible(), false, `the honeypot is visible (${display})`);
    await page.context().close();
  });
});
