// Paging of an article's comments (docs/comments.md, "Paging"): [comments] page_size approved
// comments per page, oldest first, ?page=N for the others, the total in the heading, links in
// both editions, 404 past the last page or for a malformed number (as list pages answer), and
// every page dropped from the cache when a comment changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { api, commentsConfig, firstArticlePath, goodToken, listComments, postComment, readForm } from '../lib/comments.mjs';
import { dataSets, runGazette, startGazette, Workspace } from '../lib/server.mjs';
import { getPage } from '../lib/site.mjs';

describe('comment pages', () => {
  let server;
  let en;  // { path, ids: comment ids in the order sent }
  let ar;

  // Sends `count` comments "<prefix> 1".. in order, then approves them newest first: the page
  // order follows the time sent, not the time approved.
  async function commentOn(path, prefix, count) {
    const { action, articleId } = await readForm(server, path);
    const texts = [];
    for (let i = 1; i <= count; ++i) {
      texts.push(`${prefix} ${i}`);
      const sent = await postComment(server, action, { name: `Reader ${i}`, text: texts.at(-1), token: goodToken(articleId) });
      assert.equal(sent.status, 303, sent.text.slice(0, 300));
    }
    const pending = await listComments(server, 'pending');
    const ids = texts.map((text) => pending.find((c) => c.text === text)?.id);
    assert.ok(ids.every(Boolean), 'a comment is not pending');
    for (const id of [...ids].reverse()) assert.equal((await api(server, 'POST', `/api/comments/${id}/approve`)).status, 200);
    return { path, ids };
  }

  async function commentPage(path, query = '') {
    const page = await getPage(server, `${path}${query}`);
    assert.equal(page.response.status, 200, `GET ${path}${query}`);
    const section = page.doc.querySelector('section#comments');
    const nav = section.querySelector('nav.pagination');
    return {
      texts: section.querySelectorAll('li.comment .comment-text').map((p) => p.innerText),
      heading: section.querySelector('h2#comments-heading').innerText,
      nav,
      prev: nav?.querySelector('a[rel=prev]'),
      next: nav?.querySelector('a[rel=next]'),
      pageText: nav?.querySelector('span').innerText,
    };
  }

  before(async () => {
    server = await startGazette({ load: [dataSets.sample], config: commentsConfig({ page_size: 3 }) });
    en = await commentOn(await firstArticlePath(server, 'en'), 'Comment', 7);
    // One more that stays pending: it is neither shown nor counted.
    const { action, articleId } = await readForm(server, en.path);
    assert.equal((await postComment(server, action, { name: 'Late', text: 'Still waiting', token: goodToken(articleId) })).status, 303);
    ar = await commentOn(await firstArticlePath(server, 'ar'), 'تعليق', 4);
  });
  after(async () => {
    await server?.stop();
  });

  it('shows the oldest page_size comments on page 1, the total in the heading, and a link to page 2', async () => {
    const page = await commentPage(en.path);
    assert.deepEqual(page.texts, ['Comment 1', 'Comment 2', 'Comment 3']);
    assert.equal(page.heading, 'Comments (7)');
    assert.ok(page.nav, 'no pagination under the comments');
    assert.equal(page.nav.attr('aria-label'), 'Comment pages');
    assert.equal(page.prev, null);
    assert.equal(decodeURIComponent(page.next.attr('href')), `${en.path}?page=2#comments`);
    assert.equal(page.next.innerText, 'Later comments');
    assert.equal(page.pageText, 'Page 1 of 3');
  });

  it('shows the next comments on ?page=2 with links both ways, and the rest on the last page', async () => {
    const second = await commentPage(en.path, '?page=2');
    assert.deepEqual(second.texts, ['Comment 4', 'Comment 5', 'Comment 6']);
    assert.equal(second.heading, 'Comments (7)', 'the count stays the total');
    assert.equal(decodeURIComponent(second.prev.attr('href')), `${en.path}#comments`, 'page 1 has one address');
    assert.equal(second.prev.innerText, 'Earlier comments');
    assert.equal(decodeURIComponent(second.next.attr('href')), `${en.path}?page=3#comments`);
    assert.equal(second.pageText, 'Page 2 of 3');

    const last = await commentPage(en.path, '?page=3');
    assert.deepEqual(last.texts, ['Comment 7']);
    assert.equal(last.next, null);
    assert.equal(decodeURIComponent(last.prev.attr('href')), `${en.path}?page=2#comments`);
    assert.equal((await commentPage(en.path, '?page=1')).texts.join(), 'Comment 1,Comment 2,Comment 3');
  });

  it('answers 404 past the last page and for a malformed page number, as list pages do', async () => {
    for (const query of ['?page=4', '?page=1000000', '?page=0', '?page=-1', '?page=abc', '?page=2x', '?page=']) {
      const response = await server.fetch(`${en.path}${query}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404, `GET ${en.path}${query}`);
    }
  });

  it('pages the comments in the Arabic edition with Arabic links', async () => {
    const first = await commentPage(ar.path);
    assert.deepEqual(first.texts, ['تعليق 1', 'تعليق 2', 'تعليق 3']);
    assert.equal(first.heading, 'التعليقات (4)');
    assert.equal(first.nav.attr('aria-label'), 'صفحات التعليقات');
    assert.equal(first.next.innerText, 'تعليقات أحدث');
    assert.equal(first.pageText, 'الصفحة 1 من 2');
    const second = await commentPage(ar.path, '?page=2');
    assert.deepEqual(second.texts, ['تعليق 4']);
    assert.equal(second.prev.innerText, 'تعليقات أقدم');
    assert.equal(second.next, null);
  });

  it('shows no pagination when one page holds every comment', async () => {
    const path = (await getPage(server, '/en/')).doc.querySelectorAll('a').map((a) => a.attr('href'))
      .find((href) => /^\/en\/[^/]+\/[^/]+$/.test(href) && !href.startsWith('/en/tag/') && decodeURIComponent(href) !== en.path);
    assert.ok(path, 'no second English article');
    const page = await commentPage(path);
    assert.equal(page.nav, null);
    assert.equal((await server.fetch(`${path}?page=2`)).status, 404, 'an article with no comments has only page 1');
  });

  it('drops every comment page from the cache when a comment changes', async () => {
    for (const query of ['', '?page=2', '?page=3']) {
      await commentPage(en.path, query);
      const again = await server.fetch(`${en.path}${query}`);
      await again.arrayBuffer();
      assert.equal(again.headers.get('x-cache'), 'hit', `${query || 'page 1'} is not cached`);
    }
    assert.equal((await api(server, 'DELETE', `/api/comments/${en.ids[0]}`)).status, 200);
    const first = await commentPage(en.path);
    assert.deepEqual(first.texts, ['Comment 2', 'Comment 3', 'Comment 4']);
    assert.equal(first.heading, 'Comments (6)');
    assert.equal(first.pageText, 'Page 1 of 2');
    assert.deepEqual((await commentPage(en.path, '?page=2')).texts, ['Comment 5', 'Comment 6', 'Comment 7']);
    const gone = await server.fetch(`${en.path}?page=3`);
    await gone.arrayBuffer();
    assert.equal(gone.status, 404, 'the cached page 3 was not dropped');
  });

  it('refuses a page_size outside 1..500 at startup, naming the key', async () => {
    for (const size of [0, 501]) {
      const workspace = await Workspace.create({ config: `[comments]\npage_size = ${size}\n` });
      try {
        const result = await runGazette(['serve', ...workspace.configArgs()], { env: workspace.env({ GAZETTE_LISTEN: '127.0.0.1:0' }) });
        assert.equal(result.code, 2, `page_size = ${size}`);
        assert.match(result.stderr, /comments\.page_size/);
      } finally {
        await workspace.remove();
      }
    }
  });
});
