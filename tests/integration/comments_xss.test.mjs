// Hostile comments (docs/comments.md, "Text"): every payload of tests/data/xss_payloads.txt is
// posted as a comment (some also as the name) and must come back as text, character for
// character, with no markup of its own in the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { commentsConfig, firstArticlePath, goodToken, postComment, readForm } from '../lib/comments.mjs';
import { dataSets, repoRoot, startGazette } from '../lib/server.mjs';
import { getPage } from '../lib/site.mjs';

export const payloads = readFileSync(path.join(repoRoot, 'tests', 'data', 'xss_payloads.txt'), 'utf8')
  .split('\n').filter((line) => line.length > 0);

describe('hostile comments', () => {
  let server;
  let articlePath;
  let page;

  before(async () => {
    // page_size 500: every payload on one page.
    server = await startGazette({ load: [dataSets.sample], config: commentsConfig({ auto_publish: true, max_links: 10, page_size: 500 }) });
    articlePath = await firstArticlePath(server, 'en');
    const { action, articleId } = await readForm(server, articlePath);
    for (const [index, payload] of payloads.entries()) {
      const name = index % 5 === 0 ? payload.slice(0, 80) : `Visitor ${index}`;
      const sent = await postComment(server, action, { name, text: payload, token: goodToken(articleId) });
      assert.equal(sent.status, 303, `payload ${index} ${JSON.stringify(payload)}: ${sent.text.slice(0, 300)}`);
    }
    page = await getPage(server, articlePath);
  });
  after(async () => {
    await server?.stop();
  });

  it('has at least 100 payloads', () => {
    assert.ok(payloads.length >= 100, `${payloads.length} payloads`);
  });

  it('shows every payload as text, exactly', () => {
    const shown = page.doc.querySelectorAll('li.comment .comment-text').map((p) => p.textContent);
    assert.equal(shown.length, payloads.length);
    assert.deepEqual(shown, payloads);
  });

  it('shows hostile names as text', () => {
    const names = page.doc.querySelectorAll('li.comment .comment-name').map((n) => n.textContent);
    payloads.forEach((payload, index) => {
      if (index % 5 === 0) assert.equal(names[index], payload.slice(0, 80));
    });
  });

  it('puts no markup of the visitors\' in the page: only the comment list\'s own tags', () => {
    const start = page.text.indexOf('<ol class="comment-list">');
    const end = page.text.indexOf('</ol>', start);
    assert.ok(start > 0 && end > start);
    const list = page.text.slice(start, end);
    const tags = new Set([...list.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]));
    for (const tag of tags) assert.ok(['a', 'bdi', 'br', 'li', 'ol', 'p', 'time'].includes(tag), `unexpected <${tag}>`);
    assert.ok(!/<script/i.test(list));
    for (const [tag] of list.matchAll(/<[a-zA-Z][^>]*>/g)) {
      assert.ok(!/\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')), `an event handler attribute in ${tag}`);
      assert.ok(!/style\s*=/i.test(tag), `a style attribute in ${tag}`);
    }
  });

  it('links only http(s) URLs, each with rel="nofollow ugc noopener"', () => {
    const links = page.doc.querySelectorAll('li.comment .comment-text a');
    assert.ok(links.length > 0);
    for (const link of links) {
      assert.match(link.attr('href'), /^https?:\/\/[^\s"'<>]+$/);
      assert.equal(link.attr('rel'), 'nofollow ugc noopener');
    }
  });
});
