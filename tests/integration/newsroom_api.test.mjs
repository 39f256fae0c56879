// The newsroom's JSON API over real HTTP (docs/newsroom.md, "JSON API"): personal API tokens,
// made by an admin, act under the same permission matrix as the screens (each role against
// each action: allowed 2xx, refused 403), sessions need X-CSRF-Token, and moderators' (and
// admins') personal tokens moderate comments through /api/comments beside GAZETTE_API_TOKEN.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { apiToken, commentsConfig, goodToken, postComment, readForm } from '../lib/comments.mjs';
import { addUser, apiCall, signedIn } from '../lib/newsroom.mjs';
import { startGazette } from '../lib/server.mjs';

const roles = ['admin', 'editor', 'reporter', 'moderator'];

describe('newsroom JSON API', () => {
  let server;
  const tokens = {};

  const call = (method, target, options) => apiCall(server, tokens, method, target, options);

  const draft = (headline, extra = {}) => ({
    language: 'en', headline, standfirst: 'Filed through the API.', body_markdown: 'The **body**.', section: 'Api Desk',
    tags: ['API'], byline: 'A. Program', dateline: 'Riverton', source: 'Gazette', ...extra,
  });

  async function create(as, headline, extra) {
    const created = await call('POST', '/api/stories', { as, body: draft(headline, extra) });
    assert.equal(created.status, 201, created.text);
    return created.json.id;
  }

  before(async () => {
    server = await startGazette({ config: commentsConfig({ min_fill_seconds: 0 }) });
    for (const role of roles) await addUser(server, role, role);
    await addUser(server, 'reporter2', 'reporter');
    const admin = await signedIn(server, 'admin');
    for (const user of [...roles, 'reporter2']) {
      const made = await admin.post('/newsroom/tokens/', { user, label: `${user} bot` });
      assert.equal(made.response.status, 201);
      tokens[user] = /<code id="new-token">([0-9a-f]{64})<\/code>/.exec(made.text)[1];
    }
  });
  after(async () => {
    await server?.stop();
  });

  it('refuses calls without a live token (401)', async () => {
    assert.equal((await call('GET', '/api/stories')).status, 401);
    assert.equal((await call('GET', '/api/stories', { as: 'f'.repeat(64) })).status, 401);
    assert.equal((await call('POST', '/api/stories', { body: draft('No token') })).status, 401);
  });

  it('creates a draft, reads it back and updates it', async () => {
    const created = await call('POST', '/api/stories', { as: 'reporter', body: draft('قال المتحدث باسم Reuters: "نعم".', { language: 'ar', section: 'محليات', tags: ['اختبار'] }) });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.status, 'draft');
    assert.equal(created.json.headline, 'قال المتحدث باسم Reuters: "نعم".');
    assert.equal(created.response.headers.get('location'), `/api/stories/${created.json.id}`);
    const id = created.json.id;
    const updated = await call('PUT', `/api/stories/${id}`, { as: 'reporter', body: { body_markdown: 'نص جديد.' } });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.json.body_markdown, 'نص جديد.');
    assert.equal(updated.json.headline, 'قال المتحدث باسم Reuters: "نعم".', 'absent fields keep their values');
    assert.equal(updated.json.language, 'ar');
    const read = await call('GET', `/api/stories/${id}`, { as: 'editor' });
    assert.equal(read.status, 200);
    assert.deepEqual(read.json.tags, ['اختبار']);
    assert.equal((await call('GET', '/api/stories/999999', { as: 'editor' })).status, 404);
  });

  it('refuses malformed drafts with 422 naming the field', async () => {
    const bad = await call('POST', '/api/stories', { as: 'editor', body: { ...draft('Bad'), tags: 'not a list' } });
    assert.equal(bad.status, 422);
    assert.match(bad.json.error, /^tags:/);
    const notJson = await server.fetch('/api/stories', { method: 'POST', body: '{', headers: { authorization: `Bearer ${tokens.editor}` } });
    assert.equal(notJson.status, 422);
  });

  // The matrix: allowed answers 2xx, refused 403.
  const matrix = {
    list: { admin: true, editor: true, reporter: true, moderator: false },
    'create draft': { admin: true, editor: true, reporter: true, moderator: false },
    'update own draft': { admin: true, editor: true, reporter: true, moderator: false },
    'update any story': { admin: true, editor: true, reporter: false, moderator: false },
    publish: { admin: true, editor: true, reporter: false, moderator: false },
    schedule: { admin: true, editor: true, reporter: false, moderator: false },
    unpublish: { admin: true, editor: true, reporter: false, moderator: false },
    correct: { admin: true, editor: true, reporter: false, moderator: false },
    'moderate comments': { admin: true, editor: false, reporter: false, moderator: true },
  };
  const actions = {
    list: (role) => call('GET', '/api/stories', { as: role }),
    'create draft': (role) => call('POST', '/api/stories', { as: role, body: draft(`API draft by ${role}`) }),
    'update own draft': async (role) => {
      const id = await create(role === 'moderator' ? 'reporter2' : role, `API own ${role}`);
      return call('PUT', `/api/stories/${id}`, { as: role, body: { headline: `API own ${role}, edited` } });
    },
    'update any story': async (role) => {
      const id = await create('reporter2', `API someone else's for ${role}`);
      return call('PUT', `/api/stories/${id}`, { as: role, body: { headline: `API edited by ${role}` } });
    },
    publish: async (role) => call('POST', `/api/stories/${await create('reporter2', `API to publish by ${role}`)}/publish`, { as: role }),
    schedule: async (role) => call('POST', `/api/stories/${await create('editor', `API to schedule by ${role}`)}/schedule`,
      { as: role, body: { at: '2099-01-01T00:00:00Z' } }),
    unpublish: async (role) => {
      const id = await create('editor', `API to unpublish by ${role}`);
      assert.equal((await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).status, 200);
      return call('POST', `/api/stories/${id}/unpublish`, { as: role });
    },
    correct: async (role) => {
      const id = await create('editor', `API to correct by ${role}`);
      assert.equal((await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).status, 200);
      return call('POST', `/api/stories/${id}/notes`, { as: role, body: { kind: 'correction', text: `Fixed by ${role}` } });
    },
    'moderate comments': (role) => call('GET', '/api/comments?status=all', { as: role }),
  };
  for (const [action, allowed] of Object.entries(matrix)) {
    for (const role of roles) {
      it(`${allowed[role] ? 'lets' : 'refuses'} ${role}'s token ${action}`, async () => {
        const { status, text } = await actions[action](role);
        if (allowed[role]) assert.ok(status >= 200 && status < 300, `${role} ${action}: ${status} ${text}`);
        else assert.equal(status, 403, `${role} ${action}: ${text}`);
      });
    }
  }

  it('publishes to the public site, schedules, unpublishes and shows a correction', async () => {
    const id = await create('editor', 'Published through the API');
    const published = await call('POST', `/api/stories/${id}/publish`, { as: 'editor' });
    assert.equal(published.json.status, 'published');
    assert.match(published.json.url, /^\/en\/api-desk\//);
    assert.equal((await server.get(published.json.url)).response.status, 200);
    const noted = await call('POST', `/api/stories/${id}/notes`, { as: 'editor', body: { kind: 'update', text: 'Added a quote.' } });
    assert.equal(noted.status, 201);
    assert.deepEqual(noted.json.notes.map((n) => [n.kind, n.text]), [['update', 'Added a quote.']]);
    assert.ok((await server.get(published.json.url)).text.includes('Added a quote.'));
    const scheduled = await call('POST', `/api/stories/${id}/schedule`, { as: 'editor', body: { at: '2099-01-01T00:00:00Z' } });
    assert.equal(scheduled.json.status, 'scheduled');
    assert.equal(scheduled.json.published_at, '2099-01-01T00:00:00Z');
    assert.equal((await server.fetch(published.json.url)).status, 404);
    const badTime = await call('POST', `/api/stories/${id}/schedule`, { as: 'editor', body: { at: 'tomorrow' } });
    assert.equal(badTime.status, 422);
    assert.equal((await call('POST', `/api/stories/${id}/unpublish`, { as: 'editor' })).json.status, 'unpublished');
    const refused = await call('POST', `/api/stories/${id}/notes`, { as: 'editor', body: { kind: 'correction', text: 'x' } });
    assert.equal(refused.status, 422, 'only a published story carries notes');
    assert.equal((await call('POST', `/api/stories/${id}/retract`, { as: 'editor' })).status, 404);
  });

  it('lists with filters and paging', async () => {
    await create('editor', 'API Reuters story', { source: 'Reuters', byline: 'Lina Haddad' });
    const bySource = await call('GET', '/api/stories?source=Reuters', { as: 'editor' });
    assert.deepEqual(bySource.json.stories.map((s) => s.headline), ['API Reuters story']);
    assert.equal(bySource.json.stories[0].byline, 'Lina Haddad');
    const byAuthor = await call('GET', '/api/stories?author=Lina+Haddad&status=draft', { as: 'editor' });
    assert.equal(byAuthor.json.total, 1);
    const all = await call('GET', '/api/stories', { as: 'editor' });
    assert.ok(all.json.total > 25 && all.json.pages >= 2, JSON.stringify({ total: all.json.total, pages: all.json.pages }));
    const second = await call('GET', '/api/stories?page=2', { as: 'editor' });
    assert.equal(second.json.page, 2);
    assert.ok(!second.json.stories.some((s) => all.json.stories.some((t) => t.id === s.id)), 'pages do not overlap');
    assert.equal((await call('GET', '/api/stories?status=gone', { as: 'editor' })).status, 422);
  });

  it('takes a session cookie only with its CSRF token in X-CSRF-Token', async () => {
    const editor = await signedIn(server, 'editor');
    const headers = { cookie: editor.cookieHeader() };
    assert.equal((await call('GET', '/api/stories', { headers })).status, 200);
    assert.equal((await call('POST', '/api/stories', { headers, body: draft('Cookie, no CSRF') })).status, 403);
    const withCsrf = await call('POST', '/api/stories', { headers: { ...headers, 'x-csrf-token': editor.csrf }, body: draft('Cookie and CSRF') });
    assert.equal(withCsrf.status, 201);
  });

  it('moderates comments with a moderator\'s personal token, beside GAZETTE_API_TOKEN', async () => {
    const id = await create('editor', 'A story to comment on');
    const { url } = (await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).json;
    const { action, articleId } = await readForm(server, url);
    const sent = await postComment(server, action, { name: 'Reader', text: 'A first comment.', token: goodToken(articleId) });
    assert.equal(sent.status, 303);
    const pending = await call('GET', '/api/comments?status=pending', { as: 'moderator' });
    assert.equal(pending.status, 200);
    const comment = pending.json.comments.find((c) => c.text === 'A first comment.');
    assert.ok(comment, 'the moderator sees the pending comment');
    assert.equal((await call('POST', `/api/comments/${comment.id}/approve`, { as: 'reporter' })).status, 403);
    assert.equal((await call('POST', `/api/comments/${comment.id}/approve`, { as: 'editor' })).status, 403);
    assert.equal((await call('POST', `/api/comments/${comment.id}/approve`, { as: 'f'.repeat(64) })).status, 401);
    const approved = await call('POST', `/api/comments/${comment.id}/approve`, { as: 'moderator' });
    assert.equal(approved.status, 200);
    assert.equal(approved.json.status, 'approved');
    assert.equal((await call('GET', '/api/comments?status=approved', { as: apiToken })).status, 200, 'the site token still works');
    assert.equal((await call('DELETE', `/api/comments/${comment.id}`, { as: 'admin' })).status, 200);
  });

  it('stops accepting a token once revoked', async () => {
    const admin = await signedIn(server, 'admin');
    const users = await admin.get('/newsroom/users/');
    const revokeUrls = [...users.text.matchAll(/action="(\/newsroom\/tokens\/\d+\/revoke)"/g)].map((m) => m[1]);
    assert.ok(revokeUrls.length >= 5);
    for (const url of revokeUrls) assert.equal((await admin.post(url)).response.status, 303);
    assert.equal((await call('GET', '/api/stories', { as: 'editor' })).status, 401);
    assert.equal((await call('GET', '/api/comments', { as: 'moderator' })).status, 401);
  });
});
