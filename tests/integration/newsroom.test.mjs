// The newsroom over real HTTP (docs/newsroom.md): sign-in and its cookie, CSRF, sign-out,
// session expiry, slow-down and lock-out, the permission matrix (each role against each
// action), publishing to the public site, scheduling, revisions and restore, corrections shown
// on the article page, API tokens, and the audit log. Needs no shared data.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { addUser, Client, password, signedIn, story, storyId } from '../lib/newsroom.mjs';
import { startGazette } from '../lib/server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('newsroom', () => {
  let server;
  const clients = {};

  before(async () => {
    server = await startGazette({ config: '[jobs]\npublish_interval_ms = 200\n' });
    for (const role of ['admin', 'editor', 'reporter', 'moderator']) {
      await addUser(server, role, role);
      clients[role] = await signedIn(server, role);
    }
    await addUser(server, 'reporter2', 'reporter');
    clients.reporter2 = await signedIn(server, 'reporter2');
  });
  after(async () => {
    await server?.stop();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for /newsroom and /api, never Secure over http', async () => {
    const client = new Client(server);
    const { response } = await client.signIn('editor');
    assert.equal(response.status, 303);
    const cookies = response.headers.getSetCookie().filter((c) => c.startsWith('gazette_session='));
    assert.deepEqual(cookies.map((c) => /Path=([^;]+)/.exec(c)[1]).sort(), ['/api', '/newsroom']);
    for (const cookie of cookies) {
      assert.match(cookie, /^gazette_session=[0-9a-f]{64};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Secure/);
    }
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    const response = await server.fetch('/newsroom/stories/');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/newsroom/sign-in');
    assert.equal((await server.fetch('/newsroom/stories/new', { method: 'POST', body: 'x=1' })).status, 401);
  });

  it('refuses a wrong password with the same answer as an unknown name', async () => {
    const wrong = await new Client(server).signIn('editor', 'not-the-password');
    const unknown = await new Client(server).signIn('nobody-at-all', 'not-the-password');
    assert.equal(wrong.response.status, 401);
    assert.equal(unknown.response.status, 401);
    assert.ok(wrong.text.includes('do not match an account'));
    const editorAgain = await new Client(server).signIn('editor');
    assert.equal(editorAgain.response.status, 303, 'one failure does not lock');
  });

  it('refuses the sign-in form without its token', async () => {
    const client = new Client(server);
    await client.get('/newsroom/sign-in');
    const { response } = await client.post('/newsroom/sign-in', { token: 'f'.repeat(64), name: 'editor', password }, { csrf: null });
    assert.equal(response.status, 403);
  });

  it('refuses state-changing forms with a missing or wrong CSRF token', async () => {
    const editor = clients.editor;
    const missing = await editor.post('/newsroom/stories/new', { ...story('No token'), do: 'save' }, { csrf: null });
    assert.equal(missing.response.status, 403);
    const wrong = await editor.post('/newsroom/stories/new', { ...story('Wrong token'), do: 'save' }, { csrf: 'a'.repeat(64) });
    assert.equal(wrong.response.status, 403);
    // Another user's token is wrong too: the secret is per session.
    const other = await editor.post('/newsroom/stories/new', { ...story('Other token'), do: 'save' }, { csrf: clients.reporter.csrf });
    assert.equal(other.response.status, 403);
    const list = await editor.get('/newsroom/stories/');
    assert.ok(!list.text.includes('No token') && !list.text.includes('Wrong token') && !list.text.includes('Other token'));
  });

  it('ends the session on sign-out', async () => {
    const client = await signedIn(server, 'reporter');
    const cookie = client.cookieHeader();
    const out = await client.post('/newsroom/sign-out');
    assert.equal(out.response.status, 303);
    const replay = await server.fetch('/newsroom/stories/', { headers: { cookie } });
    assert.equal(replay.status, 303, 'the old cookie no longer signs anyone in');
  });

  // The matrix: each role against each action; allowed answers 2xx or 303, refused 403.
  const matrix = {
    'write-draft': { admin: true, editor: true, reporter: true, moderator: false },
    'edit-own-draft': { admin: true, editor: true, reporter: true, moderator: false },
    'edit-any': { admin: true, editor: true, reporter: false, moderator: false },
    publish: { admin: true, editor: true, reporter: false, moderator: false },
    unpublish: { admin: true, editor: true, reporter: false, moderator: false },
    correct: { admin: true, editor: true, reporter: false, moderator: false },
    'moderate-comments': { admin: true, editor: false, reporter: false, moderator: true },
    'manage-users': { admin: true, editor: false, reporter: false, moderator: false },
    settings: { admin: true, editor: false, reporter: false, moderator: false },
    'view-audit': { admin: true, editor: false, reporter: false, moderator: false },
  };

  async function newStory(client, headline, what = 'save') {
    const { response } = await client.post('/newsroom/stories/new', { ...story(headline), do: what });
    assert.equal(response.status, 303, `creating ${headline}`);
    return storyId(response);
  }

  const actions = {
    'write-draft': (c, role) => c.post('/newsroom/stories/new', { ...story(`Draft by ${role}`), do: 'save' }),
    'edit-own-draft': async (c, role) => {
      // Moderators cannot start a story: they try on a reporter's draft, which is not theirs either.
      const id = role === 'moderator' ? await newStory(clients.reporter2, 'For the moderator') : await newStory(c, `Own ${role}`);
      return c.post(`/newsroom/stories/${id}`, { ...story(`Own ${role}, edited`), do: 'save' });
    },
    'edit-any': async (c, role) => {
      const id = await newStory(clients.reporter2, `Someone else's for ${role}`);
      return c.post(`/newsroom/stories/${id}`, { ...story(`Edited by ${role}`), do: 'save' });
    },
    publish: async (c, role) => {
      const id = await newStory(clients.editor, `To publish by ${role}`);
      return c.post(`/newsroom/stories/${id}`, { ...story(`To publish by ${role}`), do: 'publish' });
    },
    unpublish: async (c, role) => {
      const id = await newStory(clients.editor, `To unpublish by ${role}`, 'publish');
      return c.post(`/newsroom/stories/${id}`, { ...story(`To unpublish by ${role}`), do: 'unpublish' });
    },
    correct: async (c, role) => {
      const id = await newStory(clients.editor, `To correct by ${role}`, 'publish');
      return c.post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: `Fixed by ${role}` });
    },
    'moderate-comments': (c) => c.get('/newsroom/comments/'),
    'manage-users': (c, role) => c.post('/newsroom/users/', { name: `made-by-${role}`, role: 'reporter', password }),
    settings: (c) => c.post('/newsroom/settings', { name: 'Arab Today', footer_lines: '', timestamp_format: '' }),
    'view-audit': (c) => c.get('/newsroom/audit/'),
  };

  for (const [action, roles] of Object.entries(matrix)) {
    for (const [role, allowed] of Object.entries(roles)) {
      it(`${allowed ? 'lets' : 'refuses'} ${role} ${action}`, async () => {
        const { response } = await actions[action](clients[role], role);
        if (allowed) assert.ok(response.status === 303 || (response.status >= 200 && response.status < 300), `${role} ${action}: ${response.status}`);
        else assert.equal(response.status, 403, `${role} ${action}`);
      });
    }
  }

  it('does not let a reporter edit their own story once it is published', async () => {
    const id = await newStory(clients.reporter, 'Reporter story that gets published');
    const published = await clients.editor.post(`/newsroom/stories/${id}`, { ...story('Reporter story that gets published'), do: 'publish' });
    assert.equal(published.response.status, 303);
    const edit = await clients.reporter.post(`/newsroom/stories/${id}`, { ...story('Changed after publishing'), do: 'save' });
    assert.equal(edit.response.status, 403);
  });

  it('publishes to the public site at once, in the story\'s edition, and unpublishes', async () => {
    const editor = clients.editor;
    // The public page is cached: fetch it (404) first so a stale copy would show.
    assert.equal((await server.fetch('/ar/newsroom-desk/')).status, 404);
    const { response } = await editor.post('/newsroom/stories/new', {
      ...story('خبر عاجل من غرفة الأخبار', { language: 'ar', section: 'محليات', tags: 'اختبار، عاجل', body: 'نص **الخبر** (AFP).' }),
      do: 'publish',
    });
    assert.equal(response.status, 303);
    const id = storyId(response);
    const page = await editor.get(`/newsroom/stories/${id}`);
    const href = /class="nr-public-link" href="([^"]+)"/.exec(page.text)[1];
    assert.ok(href.startsWith('/ar/'), href);
    const publicPage = await server.get(href);
    assert.equal(publicPage.response.status, 200);
    assert.ok(publicPage.text.includes('خبر عاجل من غرفة الأخبار'));
    assert.ok((await server.get('/ar/')).text.includes('خبر عاجل من غرفة الأخبار'), 'on the Arabic home page');
    assert.ok(!(await server.get('/en/')).text.includes('خبر عاجل من غرفة الأخبار'), 'not in the English edition');

    const off = await editor.post(`/newsroom/stories/${id}`, {
      ...story('خبر عاجل من غرفة الأخبار', { language: 'ar', section: 'محليات', tags: 'اختبار، عاجل', body: 'نص **الخبر** (AFP).' }),
      do: 'unpublish',
    });
    assert.equal(off.response.status, 303);
    assert.equal((await server.fetch(href)).status, 404);
  });

  it('shows the editor right to left for an Arabic story, with dir=auto on free text', async () => {
    const id = await newStory(clients.editor, 'placeholder');
    const arabic = story('عنوان عربي مع English', { language: 'ar', section: 'محليات' });
    await clients.editor.post(`/newsroom/stories/${id}`, { ...arabic, do: 'save' });
    const { text } = await clients.editor.get(`/newsroom/stories/${id}`);
    assert.match(text, /<div class="nr-fields" lang="ar" dir="rtl">/);
    assert.match(text, /<input id="headline" name="headline" value="عنوان عربي مع English" dir="auto"/);
    const preview = await clients.editor.post(`/newsroom/stories/${id}`, { ...arabic, body: 'فقرة **مهمة**.', do: 'preview' });
    assert.equal(preview.response.status, 200);
    assert.match(preview.text, /<section class="nr-preview" lang="ar" dir="rtl"/);
    assert.ok(preview.text.includes('<strong>مهمة</strong>'));
  });

  it('previews without saving', async () => {
    const id = await newStory(clients.editor, 'Preview me');
    const preview = await clients.editor.post(`/newsroom/stories/${id}`, { ...story('Preview me, changed'), body: '# Heading', do: 'preview' });
    assert.equal(preview.response.status, 200);
    assert.ok(preview.text.includes('<h1>Heading</h1>'));
    const stored = await clients.editor.get(`/newsroom/stories/${id}`);
    assert.ok(stored.text.includes('value="Preview me"'));
  });

  it('keeps a revision at each save, compares two and restores one', async () => {
    const editor = clients.editor;
    const id = await newStory(editor, 'Revised story');
    await editor.post(`/newsroom/stories/${id}`, { ...story('Revised story'), body: 'Second version of the body.', do: 'save' });
    await editor.post(`/newsroom/stories/${id}`, { ...story('Revised story'), body: 'Third version of the body.', do: 'save' });
    const list = await editor.get(`/newsroom/stories/${id}/revisions`);
    const revisions = [...list.text.matchAll(/data-revision="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(revisions.length, 3);
    assert.ok(list.text.includes('editor'));
    const diff = await editor.get(`/newsroom/stories/${id}/diff?from=${revisions[1]}&to=${revisions[0]}`);
    assert.equal(diff.response.status, 200);
    assert.match(diff.text, /class="nr-removed" dir="auto">- Second version of the body\./);
    assert.match(diff.text, /class="nr-added" dir="auto">\+ Third version of the body\./);
    const restored = await editor.post(`/newsroom/stories/${id}/revisions/${revisions[2]}/restore`);
    assert.equal(restored.response.status, 303);
    const page = await editor.get(`/newsroom/stories/${id}`);
    assert.ok(page.text.includes('The body, in **Markdown**.'));
    const after = await editor.get(`/newsroom/stories/${id}/revisions`);
    assert.equal([...after.text.matchAll(/data-revision="(\d+)"/g)].length, 4);
    assert.ok(after.text.includes(`restored revision ${revisions[2]}`));
  });

  it('shows a dated correction on the public article page', async () => {
    const editor = clients.editor;
    const { response } = await editor.post('/newsroom/stories/new', { ...story('A story to correct'), do: 'publish' });
    const id = storyId(response);
    const href = /class="nr-public-link" href="([^"]+)"/.exec((await editor.get(`/newsroom/stories/${id}`)).text)[1];
    assert.ok(!(await server.get(href)).text.includes('Corrections and updates'));
    const note = await editor.post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: 'An earlier version misspelt Riverton.' });
    assert.equal(note.response.status, 303);
    const page = (await server.get(href)).text;
    assert.ok(page.includes('Corrections and updates'));
    assert.match(page, /<li class="note note-correction"><strong>Correction<\/strong> <time datetime="\d{4}-\d\d-\d\dT[^"]+Z">/);
    assert.ok(page.includes('An earlier version misspelt Riverton.'));
  });

  it('refuses a correction on a story that is not published', async () => {
    const id = await newStory(clients.editor, 'Unpublished, no notes');
    const { response } = await clients.editor.post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: 'x' });
    assert.equal(response.status, 422);
  });

  it('publishes a scheduled story when its time comes', async () => {
    const at = new Date(Date.now() + 2000);
    const local = at.toISOString().slice(0, 16);  // datetime-local, UTC, minute precision
    const id = await newStory(clients.editor, 'Scheduled from the newsroom');
    const { response } = await clients.editor.post(`/newsroom/stories/${id}`, { ...story('Scheduled from the newsroom'), schedule_at: local, do: 'schedule' });
    assert.equal(response.status, 303);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const list = await server.get('/en/newsroom-desk/');
      if (list.text.includes('Scheduled from the newsroom')) break;
      assert.ok(Date.now() < deadline, 'the scheduled story never appeared');
      await sleep(200);
    }
  });

  it('lists stories with status and language filters', async () => {
    const drafts = await clients.editor.get('/newsroom/stories/?status=draft&language=en');
    assert.ok(drafts.text.includes('data-status="draft"'));
    assert.ok(!drafts.text.includes('data-status="published"'));
    const arabic = await clients.editor.get('/newsroom/stories/?language=ar');
    assert.ok(arabic.text.includes('lang="ar" dir="rtl"'));
  });

  it('shows the newsroom in Arabic when asked', async () => {
    const client = clients.moderator;
    const switched = await client.get('/newsroom/language/ar');
    assert.equal(switched.response.status, 303);
    const { text } = await client.get('/newsroom/comments/');
    assert.match(text, /<html lang="ar" dir="rtl">/);
    assert.ok(text.includes('التعليقات'));
    await client.get('/newsroom/language/en');
  });

  it('accepts personal API tokens, which an admin can revoke', async () => {
    const admin = clients.admin;
    const created = await admin.post('/newsroom/tokens/', { user: 'editor', label: 'CMS bridge' });
    assert.equal(created.response.status, 201);
    const token = /<code id="new-token">([0-9a-f]{64})<\/code>/.exec(created.text)[1];
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await server.fetch('/newsroom/stories/', { headers: auth })).status, 200);
    const body = new URLSearchParams({ ...story('Filed through a token'), do: 'save' });
    assert.equal((await server.fetch('/newsroom/stories/new', { method: 'POST', body, headers: auth })).status, 303);
    const id = /\/newsroom\/tokens\/(\d+)\/revoke/.exec((await admin.get('/newsroom/users/')).text)[1];
    assert.equal((await admin.post(`/newsroom/tokens/${id}/revoke`)).response.status, 303);
    assert.equal((await server.fetch('/newsroom/stories/', { headers: auth })).status, 303);
  });

  it('sets the comment policy on the settings screen', async () => {
    const admin = clients.admin;
    const current = await admin.get('/newsroom/settings');
    assert.match(current.text, /<option value="" selected>/, 'the config decides until an editor chooses');
    const form = { name: 'Arab Today', footer_lines: 'Line one', timestamp_format: 'GMT %H:%M %Y %A ,%d %B' };
    assert.equal((await admin.post('/newsroom/settings', { ...form, comment_policy: 'publish' })).response.status, 303);
    assert.match((await admin.get('/newsroom/settings')).text, /<option value="publish" selected>/);
    assert.equal((await admin.post('/newsroom/settings', { ...form, comment_policy: 'sometimes' })).response.status, 422);
    assert.equal((await admin.post('/newsroom/settings', { ...form, comment_policy: 'moderate' })).response.status, 303);
    assert.match((await admin.get('/newsroom/settings')).text, /<option value="moderate" selected>/);
  });

  it('keeps an audit log of sign-ins, publishing, corrections and user changes', async () => {
    const { text } = await clients.admin.get('/newsroom/audit/');
    for (const action of ['sign-in', 'sign-in.failed', 'publish', 'unpublish', 'correction', 'user.add', 'schedule', 'sign-out', 'token.create'])
      assert.ok(text.includes(`<td>${action}</td>`), `no ${action} in the audit log`);
  });

  it('ends the sessions of a disabled user', async () => {
    await addUser(server, 'leaver', 'reporter');
    const leaver = await signedIn(server, 'leaver');
    const users = await clients.admin.get('/newsroom/users/');
    const url = new RegExp(`<bdi>leaver</bdi></td>\\s*<td colspan="2"><form method="post" action="([^"]+)"`).exec(users.text)[1];
    assert.equal((await clients.admin.post(url, { role: 'reporter', disabled: '1' })).response.status, 303);
    assert.equal((await leaver.get('/newsroom/stories/')).response.status, 303);
    assert.equal((await new Client(server).signIn('leaver')).response.status, 401);
  });
});

describe('newsroom sessions and lock-out', () => {
  let server;
  before(async () => {
    server = await startGazette({
      config: '[newsroom]\nsession_idle_seconds = 2\nslow_after = 2\nlock_after = 4\nlock_seconds = 3\n',
    });
    await addUser(server, 'idle', 'editor');
    await addUser(server, 'target', 'editor');
  });
  after(async () => {
    await server?.stop();
  });

  it('ends a session left idle longer than session_idle_seconds', async () => {
    const client = await signedIn(server, 'idle');
    assert.equal((await client.get('/newsroom/stories/')).response.status, 200);
    await sleep(3000);
    assert.equal((await client.get('/newsroom/stories/')).response.status, 303);
  });

  it('slows down repeated failures, then locks the account for a while', async () => {
    const attempt = (secret) => new Client(server).signIn('target', secret);
    assert.equal((await attempt('wrong-password-1')).response.status, 401);
    assert.equal((await attempt('wrong-password-2')).response.status, 401);
    // Two failures: the next try must wait, even with the right password.
    const slowed = await attempt(password);
    assert.equal(slowed.response.status, 429);
    assert.ok(Number(slowed.response.headers.get('retry-after')) >= 1);
    // Times are kept in whole seconds, so a wait of n seconds lasts between n and n + 1.
    await sleep(2100);
    assert.equal((await attempt('wrong-password-3')).response.status, 401);
    await sleep(3100);
    assert.equal((await attempt('wrong-password-4')).response.status, 401);  // The fourth: locked now.
    const locked = await attempt(password);
    assert.equal(locked.response.status, 429);
    assert.ok(locked.text.includes('locked'));
    await sleep(3100);
    assert.equal((await attempt(password)).response.status, 303, 'the lock ends');
  });
});

describe('newsroom story list: filters, paging and the wire queue', () => {
  let server;
  let editor;
  const wireToken = 'newsroom-wire-token';

  before(async () => {
    server = await startGazette({
      config: '[newsroom]\npage_size = 2\n\n[ingest.sources.desk]\npolicy = "hold"\nsection = "Wire"\n',
      env: { GAZETTE_API_TOKEN: wireToken },
    });
    await addUser(server, 'editor', 'editor');
    await addUser(server, 'rana', 'reporter');
    editor = await signedIn(server, 'editor');
    const rana = await signedIn(server, 'rana');
    const save = async (client, headline, extra) =>
      assert.equal((await client.post('/newsroom/stories/new', { ...story(headline, extra), do: 'save' })).response.status, 303);
    await save(editor, 'From AFP by Sara', { source: 'AFP', byline: 'Sara Haddad' });
    await save(editor, 'From Reuters by Sara', { source: 'Reuters', byline: 'Sara Haddad' });
    await save(editor, 'From AFP by Omar', { source: 'AFP', byline: 'Omar Said' });
    await save(rana, 'Started by Rana', { source: 'Gazette', byline: 'Staff' });
    await save(editor, 'وكالة الأنباء', { language: 'ar', section: 'محليات', source: 'وكالة الأنباء', byline: 'سارة' });
  });
  after(async () => {
    await server?.stop();
  });

  const headlines = (text) => [...text.matchAll(/<a href="\/newsroom\/stories\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);

  it('filters by source', async () => {
    const { text } = await editor.get('/newsroom/stories/?source=AFP');
    assert.deepEqual(headlines(text).sort(), ['From AFP by Omar', 'From AFP by Sara']);
    assert.match(text, /name="source" value="AFP"/);
    const arabic = await editor.get(`/newsroom/stories/?source=${encodeURIComponent('وكالة الأنباء')}`);
    assert.deepEqual(headlines(arabic.text), ['وكالة الأنباء']);
  });

  it('filters by author: the byline or the newsroom user who started the story', async () => {
    assert.deepEqual(headlines((await editor.get('/newsroom/stories/?author=Sara+Haddad')).text).sort(),
      ['From AFP by Sara', 'From Reuters by Sara']);
    assert.deepEqual(headlines((await editor.get('/newsroom/stories/?author=rana')).text), ['Started by Rana']);
    assert.deepEqual(headlines((await editor.get('/newsroom/stories/?author=Sara+Haddad&source=Reuters')).text),
      ['From Reuters by Sara']);
    assert.deepEqual(headlines((await editor.get('/newsroom/stories/?author=nobody')).text), []);
  });

  it('pages through the list, keeping the filters in the links', async () => {
    const first = await editor.get('/newsroom/stories/?status=draft&language=en');
    assert.equal(headlines(first.text).length, 2);
    assert.match(first.text, /<span>1 \/ 2<\/span>/);
    const next = /<a rel="next" href="([^"]+)"/.exec(first.text)[1].replaceAll('&amp;', '&');
    assert.equal(next, '/newsroom/stories/?page=2&status=draft&language=en');
    const second = await editor.get(next);
    assert.equal(headlines(second.text).length, 2);
    assert.deepEqual([...headlines(first.text), ...headlines(second.text)].sort(),
      ['From AFP by Omar', 'From AFP by Sara', 'From Reuters by Sara', 'Started by Rana']);
    assert.ok(!/rel="next"/.test(second.text));
    assert.match(second.text, /<a rel="prev" href="\/newsroom\/stories\/\?page=1&amp;status=draft&amp;language=en"/);
    const arabic = await editor.get(`/newsroom/stories/?source=${encodeURIComponent('وكالة الأنباء')}&page=1`);
    assert.match(arabic.text, /<span>1 \/ 1<\/span>/);
  });

  it('shows wire items held for review in the wire queue, to open, edit and publish', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>http://example.com/</link>
<description>d</description><language>en</language><item><title>Held for the desk</title><guid>desk-1</guid>
<description>A wire story waiting for an editor.</description></item></channel></rss>`;
    const pushed = await server.fetch('/api/ingest/desk', { method: 'POST', body: rss, headers: { authorization: `Bearer ${wireToken}` } });
    assert.equal(pushed.status, 201, await pushed.text());
    const queue = await editor.get('/newsroom/stories/?status=draft&wire=1');
    assert.deepEqual(headlines(queue.text), ['Held for the desk']);
    assert.match(queue.text, /<h1>Wire queue<\/h1>/);
    assert.match((await editor.get('/newsroom/stories/')).text, /<a href="\/newsroom\/stories\/\?status=draft&amp;wire=1"/, 'no link to the queue');
    const id = Number(/<a href="\/newsroom\/stories\/(\d+)">Held for the desk/.exec(queue.text)[1]);
    const page = await editor.get(`/newsroom/stories/${id}`);
    assert.ok(page.text.includes('A wire story waiting for an editor.'));
    const published = await editor.post(`/newsroom/stories/${id}`, {
      ...story('Held for the desk, checked'), section: 'Wire', body: 'A wire story, checked by an editor.', do: 'publish',
    });
    assert.equal(published.response.status, 303);
    assert.deepEqual(headlines((await editor.get('/newsroom/stories/?status=draft&wire=1')).text), []);
    const href = /class="nr-public-link" href="([^"]+)"/.exec((await editor.get(`/newsroom/stories/${id}`)).text)[1];
    const publicPage = await server.get(href);
    assert.equal(publicPage.response.status, 200);
    assert.ok(publicPage.text.includes('A wire story, checked by an editor.'));
  });
});
