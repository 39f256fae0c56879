// Visitors' comments over real HTTP (docs/comments.md): the form in both editions, every reason
// a comment is refused, form tokens (forged, expired, missing), the moderation API and CLI,
// closing an article, the rate limit and the address block list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  api, apiToken, commentsConfig, firstArticlePath, goodToken, listComments, mintToken, nowSeconds, postComment, readForm,
} from '../lib/comments.mjs';
import { dataSets, runGazette, startGazette } from '../lib/server.mjs';
import { getPage, siteTimestamp } from '../lib/site.mjs';

const siteFormat = '[site]\ntimestamp_format = "GMT %H:%M %Y %A ,%d %B"\n';

describe('comments', () => {
  let server;
  let en;  // { path, action, articleId, token }
  let ar;

  before(async () => {
    server = await startGazette({
      load: [dataSets.sample],
      config: siteFormat + commentsConfig({ max_links: 2, blocked_words: ['casino'], max_length: 2000 }),
    });
    const enPath = await firstArticlePath(server, 'en');
    const arPath = await firstArticlePath(server, 'ar');
    en = { path: enPath, ...(await readForm(server, enPath)) };
    ar = { path: arPath, ...(await readForm(server, arPath)) };
  });
  after(async () => {
    await server?.stop();
  });

  const cliArgs = () => ['comments', ...server.workspace.configArgs()];
  const cli = (args) => runGazette([...cliArgs(), ...args], { env: server.workspace.env() });

  it('shows the form under "Send your comments" in English, labelled "Your comment as a visitor"', () => {
    const section = en.doc.querySelector('section#comments');
    assert.ok(section, 'no section#comments');
    assert.ok(section.querySelectorAll('h2').some((h) => h.innerText === 'Send your comments'));
    assert.equal(en.form.querySelector('legend').innerText, 'Your comment as a visitor');
    assert.equal(en.form.attr('method'), 'post');
    assert.equal(decodeURIComponent(en.action), `${en.path}/comments`);
    for (const name of ['name', 'email', 'website', 'token']) assert.ok(en.form.querySelector(`input[name=${name}]`), name);
    assert.ok(en.form.querySelector('textarea[name=text]'));
    assert.equal(en.token.length, 128);
    assert.equal(section.querySelector('h2#comments-heading').innerText, 'Comments (0)');
  });

  it('shows the form in Arabic, right to left, in the Arabic edition', () => {
    assert.equal(ar.doc.querySelector('html').attr('dir'), 'rtl');
    assert.equal(ar.doc.querySelector('html').attr('lang'), 'ar');
    const headings = ar.doc.querySelectorAll('section#comments h2').map((h) => h.innerText);
    assert.ok(headings.includes('أرسل تعليقك'), headings.join(' | '));
    assert.equal(ar.form.querySelector('legend').innerText, 'تعليقك كزائر');
    assert.equal(ar.form.querySelector('button').innerText, 'إرسال');
  });

  it('takes a comment with the page\'s own token, redirects with the notice, and shows it once approved', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100));  // The configured minimum fill time.
    const text = 'First!\nA second line, and a link: https://example.com/a?b=1&c=2';
    const sent = await postComment(server, en.action, {
      name: 'Ann Reader', email: 'ann@example.com', text, website: '', token: en.token,
    });
    assert.equal(sent.status, 303, sent.text.slice(0, 500));
    assert.equal(decodeURIComponent(sent.location), `${en.path}#comment-pending`);
    const { doc, text: html } = await getPage(server, en.path);
    assert.ok(doc.querySelector('#comment-pending'), 'the page has no #comment-pending notice');
    assert.match(doc.querySelector('#comment-pending').innerText, /awaits moderation/);
    assert.equal(doc.querySelectorAll('li.comment').length, 0, 'a pending comment is not shown');

    const pending = await listComments(server, 'pending');
    const mine = pending.find((c) => c.text === text);
    assert.ok(mine, 'the comment is not pending in the API');
    assert.equal(mine.email, 'ann@example.com');
    assert.ok(!html.includes('ann@example.com'));

    assert.equal((await api(server, 'POST', `/api/comments/${mine.id}/approve`)).status, 200);
    const after = await getPage(server, en.path);
    const items = after.doc.querySelectorAll('li.comment');
    assert.equal(items.length, 1);
    assert.equal(items[0].querySelector('.comment-name').innerText, 'Ann Reader');
    const time = items[0].querySelector('time');
    assert.equal(time.attr('datetime'), mine.created_at);
    assert.equal(time.innerText, siteTimestamp(mine.created_at, 'en'));
    assert.equal(items[0].querySelectorAll('br').length, 1, 'the line break is kept');
    const link = items[0].querySelector('a');
    assert.equal(link.attr('href'), 'https://example.com/a?b=1&c=2');
    assert.equal(link.attr('rel'), 'nofollow ugc noopener');
    assert.equal(after.doc.querySelector('h2#comments-heading').innerText, 'Comments (1)');
    assert.ok(!after.text.includes('ann@example.com'), 'the e-mail address is never on a page');
  });

  it('takes an Arabic comment in the Arabic edition and shows its time in Arabic', async () => {
    const text = 'شكراً على هذا المقال المفيد.';
    const sent = await postComment(server, ar.action, { name: 'سارة', text, token: goodToken(ar.articleId) });
    assert.equal(sent.status, 303);
    assert.equal(decodeURIComponent(sent.location), `${ar.path}#comment-pending`);
    const mine = (await listComments(server, 'pending')).find((c) => c.text === text);
    assert.ok(mine);
    assert.equal((await api(server, 'POST', `/api/comments/${mine.id}/approve`)).status, 200);
    const { doc } = await getPage(server, ar.path);
    const item = doc.querySelectorAll('li.comment').find((li) => li.querySelector('.comment-text').innerText === text);
    assert.ok(item, 'the Arabic comment is not shown');
    assert.equal(item.querySelector('time').innerText, siteTimestamp(mine.created_at, 'ar'));
    assert.equal(doc.querySelector('h2#comments-heading').innerText, 'التعليقات (1)');
  });

  // Each refusal: 422, the reason named, the visitor's text shown back, nothing stored.
  const refusals = [
    ['name_missing', { name: '   ', text: 'No name given' }],
    ['name_too_long', { name: 'n'.repeat(81), text: 'Name too long' }],
    ['email_invalid', { name: 'Ann', email: 'not an address', text: 'Bad address' }],
    ['text_missing', { name: 'Ann', text: ' \n ' }],
    ['text_too_long', { name: 'Ann', text: 'ب'.repeat(2001) }],
    ['control_characters', { name: 'Ann', text: 'bell \u0007 here' }],
    ['control_characters', { name: 'Ann', text: 'tab\there' }],
    ['too_many_links', { name: 'Ann', text: 'http://a.example http://b.example https://c.example' }],
    ['blocked_word', { name: 'Ann', text: 'Visit my CASINO now' }],
    ['honeypot', { name: 'Ann', text: 'I am a bot', website: 'http://spam.example' }],
  ];
  for (const [reason, fields] of refusals) {
    it(`refuses a comment with 422 for ${reason} and shows the text back`, async () => {
      const before = (await listComments(server)).length;
      const sent = await postComment(server, en.action, { email: '', website: '', ...fields, token: goodToken(en.articleId) });
      assert.equal(sent.status, 422, sent.text.slice(0, 300));
      assert.equal(sent.response.headers.get('cache-control'), 'no-store');
      const { parseHtml } = await import('../lib/html.mjs');
      const doc = parseHtml(sent.text);
      assert.ok(doc.querySelector(`.comment-problems li[data-reason=${reason}]`), `no reason ${reason}`);
      const shown = doc.querySelector('textarea[name=text]').textContent;
      const expected = fields.text.replace(/[\u0000-\u0009\u000b-\u001f]/g, '\ufffd');
      assert.equal(shown.replace(/^\n/, ''), expected, 'the text is shown back');
      assert.equal((await listComments(server)).length, before, 'nothing stored');
    });
  }

  it('accepts 2000 code points of Arabic (the limit is in characters, not bytes)', async () => {
    const sent = await postComment(server, en.action, { name: 'Ann', text: 'ج'.repeat(2000), token: goodToken(en.articleId) });
    assert.equal(sent.status, 303);
  });

  it('refuses invalid UTF-8 with 422', async () => {
    const body = `name=Ann&text=caf%E9+%FF&token=${goodToken(en.articleId)}`;
    const sent = await postComment(server, en.action, null, { body });
    assert.equal(sent.status, 422);
    assert.match(sent.text, /data-reason="invalid_utf8"/);
    assert.ok(Buffer.from(sent.text, 'utf8').toString('utf8') === sent.text);
  });

  it('refuses an exact duplicate', async () => {
    const fields = { name: 'Ann', text: 'Exactly the same words' };
    assert.equal((await postComment(server, en.action, { ...fields, token: goodToken(en.articleId) })).status, 303);
    const again = await postComment(server, en.action, { ...fields, name: 'Bob', token: goodToken(en.articleId) });
    assert.equal(again.status, 422);
    assert.match(again.text, /data-reason="duplicate"/);
  });

  it('refuses a form sent faster than the minimum fill time', async () => {
    const sent = await postComment(server, en.action, { name: 'Ann', text: 'Too quick', token: mintToken(en.articleId, nowSeconds()) });
    assert.equal(sent.status, 422);
    assert.match(sent.text, /data-reason="too_fast"/);
  });

  const tokenCases = [
    ['token_missing', () => ''],
    ['token_forged', () => mintToken(en.articleId, nowSeconds() - 10, 'ff'.repeat(32))],
    ['token_forged', () => goodToken(ar.articleId)],  // Another article's token.
    ['token_forged', () => goodToken(en.articleId).replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
    ['token_forged', () => 'not-a-token'],
    ['token_expired', () => mintToken(en.articleId, nowSeconds() - 601)],
  ];
  for (const [reason, token] of tokenCases) {
    it(`answers 403 with a page that explains for ${reason}`, async () => {
      const text = `Token case ${reason} ${Math.random()}`;
      const sent = await postComment(server, en.action, { name: 'Ann', text, token: token() });
      assert.equal(sent.status, 403);
      assert.match(sent.text, new RegExp(`data-reason="${reason}"`));
      assert.match(sent.text, /Please send it again|send it again/);
      assert.ok(sent.text.includes(text), 'the text is shown back with a fresh token');
      assert.equal((await listComments(server)).filter((c) => c.text === text).length, 0);
    });
  }

  it('lets a moderator list, approve, reject, mark as spam and delete over the API', async () => {
    assert.equal((await api(server, 'GET', '/api/comments', { token: null })).status, 401);
    assert.equal((await api(server, 'GET', '/api/comments', { token: 'wrong' })).status, 401);
    assert.equal((await api(server, 'GET', '/api/comments?status=nonsense')).status, 400);
    const texts = ['to approve', 'to reject', 'to spam', 'to delete'];
    for (const text of texts) {
      assert.equal((await postComment(server, en.action, { name: 'Mod', text, token: goodToken(en.articleId) })).status, 303);
    }
    const pending = await listComments(server, 'pending');
    const id = (text) => pending.find((c) => c.text === text).id;
    const countBefore = (await getPage(server, en.path)).doc.querySelectorAll('li.comment').length;

    const approved = await api(server, 'POST', `/api/comments/${id('to approve')}/approve`);
    assert.equal(approved.status, 200);
    assert.equal(approved.json.status, 'approved');
    assert.equal((await api(server, 'POST', `/api/comments/${id('to reject')}/reject`)).json.status, 'rejected');
    assert.equal((await api(server, 'POST', `/api/comments/${id('to spam')}/spam`)).json.status, 'spam');
    assert.equal((await api(server, 'DELETE', `/api/comments/${id('to delete')}`)).status, 200);
    assert.equal((await api(server, 'DELETE', `/api/comments/${id('to delete')}`)).status, 404);
    assert.equal((await api(server, 'POST', '/api/comments/999999/approve')).status, 404);
    assert.equal((await api(server, 'POST', `/api/comments/${id('to reject')}/frobnicate`)).status, 404);
    assert.equal((await listComments(server, 'rejected')).filter((c) => c.text === 'to reject').length, 1);
    assert.equal((await listComments(server, 'spam')).filter((c) => c.text === 'to spam').length, 1);
    assert.equal((await listComments(server)).filter((c) => c.text === 'to delete').length, 0);

    // The page and its count change at once (the cached page is dropped).
    const page = await getPage(server, en.path);
    assert.equal(page.doc.querySelectorAll('li.comment').length, countBefore + 1);
    assert.equal(page.doc.querySelector('h2#comments-heading').innerText, `Comments (${countBefore + 1})`);
    assert.ok(page.doc.querySelectorAll('.comment-text').some((p) => p.innerText === 'to approve'));
    assert.ok(!page.text.includes('to reject') && !page.text.includes('to spam'));

    // Removing an approved comment updates the page too.
    assert.equal((await api(server, 'DELETE', `/api/comments/${id('to approve')}`)).status, 200);
    const gone = await getPage(server, en.path);
    assert.equal(gone.doc.querySelectorAll('li.comment').length, countBefore);
  });

  it('moderates from the CLI: list, approve, reject, spam, delete', async () => {
    const texts = ['cli one', 'cli two', 'cli three', 'cli four'];
    for (const text of texts) {
      assert.equal((await postComment(server, en.action, { name: 'Cli', text, token: goodToken(en.articleId) })).status, 303);
    }
    const listed = await cli(['list']);
    assert.equal(listed.code, 0, listed.stderr);
    const ids = texts.map((text) => {
      const line = listed.stdout.split('\n').find((l) => l.endsWith(`\t${text}`));
      assert.ok(line, `${text} not in the pending list:\n${listed.stdout}`);
      assert.match(line, /\tpending\t/);
      return line.split('\t')[0];
    });
    await (await server.fetch(en.path)).text();  // Cached before the CLI approves.
    assert.equal((await cli(['approve', ids[0]])).code, 0);
    // The CLI is another process: the change feed tells the server to drop the cached page.
    for (let tries = 0; ; ++tries) {
      const page = await (await server.fetch(en.path)).text();
      if (page.includes('cli one')) break;
      assert.ok(tries < 100, 'the article page still lacks the comment approved from the CLI');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await cli(['reject', ids[1]])).code, 0);
    assert.equal((await cli(['spam', ids[2]])).code, 0);
    assert.equal((await cli(['delete', ids[3]])).code, 0);
    assert.equal((await cli(['delete', ids[3]])).code, 3, 'deleting again names nothing');
    const all = await listComments(server);
    const status = (text) => all.find((c) => c.text === text)?.status;
    assert.deepEqual(texts.map(status), ['approved', 'rejected', 'spam', undefined]);
    const approvedList = await cli(['list', '--status', 'approved']);
    assert.match(approvedList.stdout, /\tcli one$/m);
  });

  it('closes and reopens an article to comments from the CLI', async () => {
    assert.equal((await cli(['close', en.path])).code, 0);
    const closed = await postComment(server, en.action, { name: 'Ann', text: 'After closing', token: goodToken(en.articleId) });
    assert.equal(closed.status, 403);
    assert.match(closed.text, /data-reason="closed"|comments-closed/);
    assert.equal((await listComments(server)).filter((c) => c.text === 'After closing').length, 0);
    assert.equal((await cli(['open', en.path])).code, 0);
    const open = await postComment(server, en.action, { name: 'Ann', text: 'After reopening', token: goodToken(en.articleId) });
    assert.equal(open.status, 303);
  });
});

describe('comment defences that need their own server', () => {
  it('limits each client to rate_limit comments per window (429, text kept)', async () => {
    const server = await startGazette({ load: [dataSets.sample], config: commentsConfig({ rate_limit: 3 }) });
    try {
      const path = await firstArticlePath(server, 'en');
      const { action, articleId } = await readForm(server, path);
      for (let i = 0; i < 3; i += 1) {
        const sent = await postComment(server, action, { name: 'Ann', text: `rate ${i}`, token: goodToken(articleId) });
        assert.equal(sent.status, 303, `comment ${i}`);
      }
      const fourth = await postComment(server, action, { name: 'Ann', text: 'rate 3', token: goodToken(articleId) });
      assert.equal(fourth.status, 429);
      assert.match(fourth.text, /data-reason="rate_limited"/);
      assert.ok(fourth.text.includes('rate 3'));
      assert.ok(fourth.response.headers.get('retry-after'));
      assert.equal((await listComments(server)).length, 3);
      // The client address is kept only as a salted hash: it is nowhere in the database (the
      // SQLite file and its WAL, or every PostgreSQL row).
      const contents = await server.workspace.contents();
      assert.ok(contents.includes('rate 0'), 'the check reads no comment at all: it would prove nothing');
      assert.ok(!contents.includes('127.0.0.1'), `${server.workspace.database} holds the client address`);
    } finally {
      await server.stop();
    }
  });

  it('refuses comments from a blocked address', async () => {
    const server = await startGazette({
      load: [dataSets.sample], config: commentsConfig({ blocked_addresses: ['127.0.0.'] }),
    });
    try {
      const path = await firstArticlePath(server, 'en');
      const { action, articleId } = await readForm(server, path);
      const sent = await postComment(server, action, { name: 'Ann', text: 'from a blocked net', token: goodToken(articleId) });
      assert.equal(sent.status, 422);
      assert.match(sent.text, /data-reason="blocked_address"/);
    } finally {
      await server.stop();
    }
  });

  it('behind a trusted proxy, limits and blocks the client X-Forwarded-For names', async () => {
    const config = `[server]\ntrusted_proxies = ["127.0.0.1", "::1"]\n\n`
      + commentsConfig({ rate_limit: 2, blocked_addresses: ['203.0.113.'] });
    const server = await startGazette({ load: [dataSets.sample], config });
    try {
      const path = await firstArticlePath(server, 'en');
      const { action, articleId } = await readForm(server, path);
      const post = (forwardedFor, text) => postComment(server, action, { name: 'Ann', text, token: goodToken(articleId) },
        { headers: { 'x-forwarded-for': forwardedFor } });
      const blocked = await post('203.0.113.9', 'from a blocked net');
      assert.equal(blocked.status, 422);
      assert.match(blocked.text, /data-reason="blocked_address"/);
      // Each forwarded client has its own limit, although all come from the same peer.
      assert.equal((await post('198.51.100.1', 'first 1')).status, 303);
      assert.equal((await post('198.51.100.1', 'first 2')).status, 303);
      assert.equal((await post('198.51.100.1', 'first 3')).status, 429);
      assert.equal((await post('198.51.100.2', 'second 1')).status, 303);
      // The proxy appends the address it saw: what a client put before it is not believed.
      assert.equal((await post('203.0.113.9, 198.51.100.3', 'spoofed')).status, 303);
    } finally {
      await server.stop();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const server = await startGazette({
      load: [dataSets.sample], config: commentsConfig({ blocked_addresses: ['203.0.113.'] }),
    });
    try {
      const path = await firstArticlePath(server, 'en');
      const { action, articleId } = await readForm(server, path);
      const sent = await postComment(server, action, { name: 'Ann', text: 'not from a blocked net', token: goodToken(articleId) },
        { headers: { 'x-forwarded-for': '203.0.113.9' } });
      assert.equal(sent.status, 303);
    } finally {
      await server.stop();
    }
  });

  it('publishes at once when auto_publish is set', async () => {
    const server = await startGazette({ load: [dataSets.sample], config: commentsConfig({ auto_publish: true }) });
    try {
      const path = await firstArticlePath(server, 'en');
      await getPage(server, path);  // Cached before the comment.
      const { action, articleId } = await readForm(server, path);
      const sent = await postComment(server, action, { name: 'Ann', text: 'published at once', token: goodToken(articleId) });
      assert.equal(sent.status, 303);
      assert.equal(decodeURIComponent(sent.location), `${path}#comment-published`);
      const { doc } = await getPage(server, path);
      assert.ok(doc.querySelectorAll('.comment-text').some((p) => p.innerText === 'published at once'));
      assert.match(doc.querySelector('#comment-published').innerText, /published/);
    } finally {
      await server.stop();
    }
  });

  it('refuses a bad [comments] config value with a message naming the key', async () => {
    const { Workspace } = await import('../lib/server.mjs');
    const workspace = await Workspace.create({ config: '[comments]\ntoken_key = "abc"\n' });
    try {
      const result = await runGazette(['serve', ...workspace.configArgs()], { env: workspace.env({ GAZETTE_LISTEN: '127.0.0.1:0' }) });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /comments\.token_key/);
    } finally {
      await workspace.remove();
    }
  });
});
