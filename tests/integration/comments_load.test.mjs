// Comments under load and across a crash (docs/comments.md, "Nothing lost"): 50 clients post
// 1,000 comments at once and each accepted one is stored exactly once; then comments accepted
// right before a kill -9 are all there after a restart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { commentsConfig, firstArticlePath, goodToken, listComments, postComment, readForm } from '../lib/comments.mjs';
import { dataSets, serve, startGazette } from '../lib/server.mjs';
import { getPage } from '../lib/site.mjs';

describe('comments under load', () => {
  it('stores every one of 1,000 comments from 50 concurrent clients exactly once', async () => {
    const server = await startGazette({ load: [dataSets.sample], config: commentsConfig({ auto_publish: true }) });
    try {
      const path = await firstArticlePath(server, 'en');
      const { action, articleId } = await readForm(server, path);
      const clients = 50;
      const perClient = 20;
      const accepted = [];
      const refused = [];
      await Promise.all(Array.from({ length: clients }, async (_, client) => {
        for (let i = 0; i < perClient; i += 1) {
          const text = `client ${client} comment ${i}`;
          const sent = await postComment(server, action, { name: `Client ${client}`, text, token: goodToken(articleId) });
          (sent.status === 303 ? accepted : refused).push({ text, status: sent.status });
        }
      }));
      assert.deepEqual(refused, []);
      assert.equal(accepted.length, clients * perClient);
      const stored = (await listComments(server, 'approved')).map((c) => c.text);
      assert.equal(stored.length, accepted.length);
      assert.equal(new Set(stored).size, stored.length, 'a comment was stored twice');
      assert.deepEqual([...stored].sort(), accepted.map((a) => a.text).sort());
      // The article shows them page_size at a time: follow the pages to the last.
      const shown = [];
      for (let target = path, pages = 0; target; pages += 1) {
        assert.ok(pages <= accepted.length, 'the comment pages do not end');
        const page = await getPage(server, target);
        assert.equal(page.doc.querySelector('h2#comments-heading').innerText, `Comments (${accepted.length})`);
        shown.push(...page.doc.querySelectorAll('li.comment .comment-text').map((p) => p.innerText));
        target = page.doc.querySelector('section#comments a[rel=next]')?.attr('href');
      }
      assert.equal(shown.length, accepted.length);
      assert.deepEqual([...shown].sort(), accepted.map((a) => a.text).sort());
    } finally {
      await server.stop();
    }
  });

  it('keeps every accepted comment through a kill -9 and a restart', async () => {
    const first = await startGazette({ load: [dataSets.sample], config: commentsConfig() });
    const workspace = first.workspace;
    try {
      const path = await firstArticlePath(first, 'en');
      const { action, articleId } = await readForm(first, path);
      const texts = Array.from({ length: 30 }, (_, i) => `durable comment ${i}`);
      // Sent concurrently, and the process killed the moment the last answer arrives.
      const results = await Promise.all(texts.map((text) =>
        postComment(first, action, { name: 'Ann', text, token: goodToken(articleId) })));
      first.child.kill('SIGKILL');
      const exit = await first.exited;
      assert.equal(exit.signal, 'SIGKILL');
      assert.deepEqual(results.map((r) => r.status), texts.map(() => 303));

      const second = await serve(workspace);
      try {
        const pending = (await listComments(second, 'pending')).map((c) => c.text).sort();
        assert.deepEqual(pending, [...texts].sort());
      } finally {
        await second.stop();
      }
    } finally {
      await workspace.remove();
    }
  });
});
