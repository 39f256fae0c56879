// The newsroom's JSON API beyond stories, over real HTTP (docs/newsroom.md, "JSON API"):
// revisions (list, diff, restore), users, personal API tokens, the audit log and site settings,
// each against every role (allowed 2xx, refused 403), and an audit-log line when a personal
// token moderates comments through /api/comments.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { apiToken, commentsConfig, goodToken, postComment, readForm } from '../lib/comments.mjs';
import { addUser, apiCall, signedIn } from '../lib/newsroom.mjs';
import { startGazette } from '../lib/server.mjs';

const roles = ['admin', 'editor', 'reporter', 'moderator'];

describe('newsroom JSON API: revisions, users, tokens, audit, settings', () => {
  let server;
  const tokens = {};

  const call = (method, target, options) => apiCall(server, tokens, method, target, options);

  const draft = (headline, extra = {}) => ({
    language: 'en', headline, standfirst: 'Filed through the API.', body_markdown: 'The first body.', section: 'Api Desk',
    tags: ['API'], byline: 'A. Program', dateline: 'Riverton', source: 'Gazette', ...extra,
  });

  async function create(as, headline, extra) {
    const created = await call('POST', '/api/stories', { as, body: draft(headline, extra) });
    assert.equal(created.status, 201, created.text);
    return created.json.id;
  }

  // A story by `as` saved three times: { id, revisions } (newest first).
  async function storyWithRevisions(as, headline) {
    const id = await create(as, headline);
    assert.equal((await call('PUT', `/api/stories/${id}`, { as, body: { body_markdown: 'The second body.' } })).status, 200);
    assert.equal((await call('PUT', `/api/stories/${id}`, { as, body: { headline: `${headline}, renamed` } })).status, 200);
    const listed = await call('GET', `/api/stories/${id}/revisions`, { as });
    assert.equal(listed.status, 200, listed.text);
    return { id, revisions: listed.json.revisions };
  }

  async function auditEntries() {
    const audit = await call('GET', '/api/audit', { as: 'admin' });
    assert.equal(audit.status, 200, audit.text);
    return audit.json.entries;
  }

  let userCount = 0;
  const freshUser = async (role = 'reporter') => {
    const name = `api-user-${++userCount}`;
    const made = await call('POST', '/api/users', { as: 'admin', body: { name, role, password: 'a-long-test-password' } });
    assert.equal(made.status, 201, made.text);
    return made.json;
  };

  before(async () => {
    server = await startGazette({ config: commentsConfig({ min_fill_seconds: 0 }) });
    for (const role of roles) await addUser(server, role, role);
    await addUser(server, 'reporter2', 'reporter');
    // The first token through the screen; the rest through the API.
    const admin = await signedIn(server, 'admin');
    const made = await admin.post('/newsroom/tokens/', { user: 'admin', label: 'admin bot' });
    assert.equal(made.response.status, 201);
    tokens.admin = /<code id="new-token">([0-9a-f]{64})<\/code>/.exec(made.text)[1];
    for (const user of [...roles.slice(1), 'reporter2']) {
      const created = await call('POST', '/api/tokens', { as: 'admin', body: { user, label: `${user} bot` } });
      assert.equal(created.status, 201, created.text);
      assert.match(created.json.token, /^[0-9a-f]{64}$/);
      tokens[user] = created.json.token;
    }
  });
  after(async () => {
    await server?.stop();
  });

  it('lists revisions newest first, diffs two and restores one', async () => {
    const { id, revisions } = await storyWithRevisions('reporter', 'Revised through the API');
    assert.equal(revisions.length, 3);
    assert.deepEqual(revisions.map((r) => r.user), ['reporter', 'reporter', 'reporter']);
    assert.equal(revisions[0].headline, 'Revised through the API, renamed');
    const [newest, , oldest] = revisions;
    const diff = await call('GET', `/api/stories/${id}/diff?from=${oldest.id}&to=${newest.id}`, { as: 'reporter' });
    assert.equal(diff.status, 200, diff.text);
    const changed = diff.json.lines.filter((l) => l.kind !== 'same').map((l) => [l.kind, l.text]);
    assert.deepEqual(changed, [
      ['removed', '# Revised through the API'], ['added', '# Revised through the API, renamed'],
      ['removed', 'The first body.'], ['added', 'The second body.'],
    ]);
    const restored = await call('POST', `/api/stories/${id}/revisions/${oldest.id}/restore`, { as: 'reporter' });
    assert.equal(restored.status, 200, restored.text);
    assert.equal(restored.json.headline, 'Revised through the API');
    assert.equal(restored.json.body_markdown, 'The first body.');
    const after = (await call('GET', `/api/stories/${id}/revisions`, { as: 'reporter' })).json.revisions;
    assert.equal(after.length, 4, 'a restore is a save, kept as a revision');
    assert.match(after[0].note, new RegExp(`${oldest.id}`));
  });

  it('refuses a diff or restore with a revision of another story, or none', async () => {
    const a = await storyWithRevisions('editor', 'API story A');
    const b = await storyWithRevisions('editor', 'API story B');
    assert.equal((await call('GET', `/api/stories/${a.id}/diff?from=${b.revisions[1].id}&to=${a.revisions[0].id}`, { as: 'editor' })).status, 404);
    const missing = await call('GET', `/api/stories/${a.id}/diff?to=${a.revisions[0].id}`, { as: 'editor' });
    assert.equal(missing.status, 422);
    assert.match(missing.json.error, /^from:/);
    assert.equal((await call('POST', `/api/stories/${a.id}/revisions/${b.revisions[1].id}/restore`, { as: 'editor' })).status, 404);
    assert.equal((await call('GET', '/api/stories/999999/revisions', { as: 'editor' })).status, 404);
  });

  // The matrix: allowed answers 2xx, refused 403 (permissions.hpp, the same table as the screens).
  const onlyAdmin = { admin: true, editor: false, reporter: false, moderator: false };
  const matrix = {
    'list revisions': { admin: true, editor: true, reporter: true, moderator: false },
    'diff revisions': { admin: true, editor: true, reporter: true, moderator: false },
    'restore own draft': { admin: true, editor: true, reporter: true, moderator: false },
    'restore any story': { admin: true, editor: true, reporter: false, moderator: false },
    'list users': onlyAdmin,
    'create a user': onlyAdmin,
    'change a role': onlyAdmin,
    'disable a user': onlyAdmin,
    'list tokens': onlyAdmin,
    'create a token': onlyAdmin,
    'revoke a token': onlyAdmin,
    'read the audit log': onlyAdmin,
    'read settings': onlyAdmin,
    'change settings': onlyAdmin,
  };
  const owner = (role) => (role === 'moderator' ? 'reporter2' : role);
  const actions = {
    'list revisions': async (role) => call('GET', `/api/stories/${await create('reporter2', `API revisions for ${role}`)}/revisions`, { as: role }),
    'diff revisions': async (role) => {
      const { id, revisions } = await storyWithRevisions('reporter2', `API diff for ${role}`);
      return call('GET', `/api/stories/${id}/diff?from=${revisions[2].id}&to=${revisions[0].id}`, { as: role });
    },
    'restore own draft': async (role) => {
      const { id, revisions } = await storyWithRevisions(owner(role), `API own restore by ${role}`);
      return call('POST', `/api/stories/${id}/revisions/${revisions[2].id}/restore`, { as: role });
    },
    'restore any story': async (role) => {
      const { id, revisions } = await storyWithRevisions('reporter2', `API any restore by ${role}`);
      return call('POST', `/api/stories/${id}/revisions/${revisions[2].id}/restore`, { as: role });
    },
    'list users': (role) => call('GET', '/api/users', { as: role }),
    'create a user': (role) => call('POST', '/api/users', { as: role, body: { name: `made-by-${role}`, role: 'reporter', password: 'a-long-test-password' } }),
    'change a role': async (role) => call('PUT', `/api/users/${(await freshUser()).id}`, { as: role, body: { role: 'editor' } }),
    'disable a user': async (role) => call('PUT', `/api/users/${(await freshUser()).id}`, { as: role, body: { disabled: true } }),
    'list tokens': (role) => call('GET', '/api/tokens', { as: role }),
    'create a token': (role) => call('POST', '/api/tokens', { as: role, body: { user: 'reporter2', label: `by ${role}` } }),
    'revoke a token': async (role) => {
      const made = await call('POST', '/api/tokens', { as: 'admin', body: { user: 'reporter2', label: `to revoke by ${role}` } });
      const listed = (await call('GET', '/api/tokens', { as: 'admin' })).json.tokens;
      const { id } = listed.find((t) => t.label === `to revoke by ${role}`);
      assert.ok(made.json.token);
      return call('DELETE', `/api/tokens/${id}`, { as: role });
    },
    'read the audit log': (role) => call('GET', '/api/audit', { as: role }),
    'read settings': (role) => call('GET', '/api/settings', { as: role }),
    'change settings': (role) => call('PUT', '/api/settings', { as: role, body: { footer_lines: `Footer set by ${role}` } }),
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

  it('creates users, changes their roles and disables them', async () => {
    const made = await freshUser('reporter');
    assert.equal(made.role, 'reporter');
    assert.equal(made.disabled, false);
    const listed = (await call('GET', '/api/users', { as: 'admin' })).json.users;
    assert.ok(listed.some((u) => u.name === made.name && u.role === 'reporter'));
    assert.ok(listed.every((u) => !('password_hash' in u)), 'no password hashes');
    assert.equal((await call('POST', '/api/users', { as: 'admin', body: { name: made.name, role: 'editor', password: 'a-long-test-password' } })).status, 409);
    const badRole = await call('POST', '/api/users', { as: 'admin', body: { name: 'api-nobody', role: 'owner', password: 'a-long-test-password' } });
    assert.equal(badRole.status, 422);
    assert.match(badRole.json.error, /^role:/);
    const promoted = await call('PUT', `/api/users/${made.id}`, { as: 'admin', body: { role: 'editor' } });
    assert.equal(promoted.status, 200, promoted.text);
    assert.equal(promoted.json.role, 'editor');
    // A disabled user's token stops working at once; enabling brings it back.
    const token = (await call('POST', '/api/tokens', { as: 'admin', body: { user: made.name } })).json.token;
    assert.equal((await call('GET', '/api/stories', { as: token })).status, 200);
    const disabled = await call('PUT', `/api/users/${made.id}`, { as: 'admin', body: { disabled: true } });
    assert.equal(disabled.json.disabled, true);
    assert.equal(disabled.json.role, 'editor', 'absent fields keep their values');
    assert.equal((await call('GET', '/api/stories', { as: token })).status, 401);
    assert.equal((await call('PUT', `/api/users/${made.id}`, { as: 'admin', body: { disabled: false } })).json.disabled, false);
    assert.equal((await call('GET', '/api/stories', { as: token })).status, 200);
    assert.equal((await call('PUT', '/api/users/999999', { as: 'admin', body: { role: 'editor' } })).status, 404);
    assert.equal((await call('PUT', `/api/users/${made.id}`, { as: 'admin', body: { disabled: 'yes' } })).status, 422);
  });

  it('does not let an admin disable or demote themself', async () => {
    const me = (await call('GET', '/api/users', { as: 'admin' })).json.users.find((u) => u.name === 'admin');
    assert.equal((await call('PUT', `/api/users/${me.id}`, { as: 'admin', body: { role: 'editor' } })).status, 422);
    assert.equal((await call('PUT', `/api/users/${me.id}`, { as: 'admin', body: { disabled: true } })).status, 422);
    assert.equal((await call('GET', '/api/users', { as: 'admin' })).status, 200, 'still an admin');
  });

  it('creates tokens shown once and revokes them', async () => {
    const made = await call('POST', '/api/tokens', { as: 'admin', body: { user: 'editor', label: 'CMS import' } });
    assert.equal(made.status, 201);
    assert.equal(made.json.label, 'CMS import');
    assert.equal((await call('GET', '/api/stories', { as: made.json.token })).status, 200);
    const listed = await call('GET', '/api/tokens', { as: 'admin' });
    assert.ok(!listed.text.includes(made.json.token), 'the list never shows a token');
    const entry = listed.json.tokens.find((t) => t.label === 'CMS import');
    assert.equal(entry.user, 'editor');
    assert.equal(entry.revoked, false);
    const revoked = await call('DELETE', `/api/tokens/${entry.id}`, { as: 'admin' });
    assert.equal(revoked.status, 200);
    assert.equal((await call('GET', '/api/stories', { as: made.json.token })).status, 401);
    assert.equal((await call('GET', '/api/tokens', { as: 'admin' })).json.tokens.find((t) => t.id === entry.id).revoked, true);
    assert.equal((await call('DELETE', '/api/tokens/999999', { as: 'admin' })).status, 404);
    const nobody = await call('POST', '/api/tokens', { as: 'admin', body: { user: 'no-such-user' } });
    assert.equal(nobody.status, 422);
    assert.match(nobody.json.error, /^user:/);
  });

  it('changes site settings that the public site shows', async () => {
    const id = await create('editor', 'A story under new settings');
    const { url } = (await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).json;
    const changed = await call('PUT', '/api/settings', {
      as: 'admin', body: { name: 'The API Gazette', footer_lines: 'Set over the API\nSecond line', timestamp_format: '%d/%m/%Y' },
    });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.json, { name: 'The API Gazette', footer_lines: 'Set over the API\nSecond line', timestamp_format: '%d/%m/%Y', comment_policy: null });
    const page = (await server.get(url)).text;
    assert.ok(page.includes('The API Gazette'), 'the site name');
    assert.ok(page.includes('Set over the API'), 'the footer');
    const kept = await call('PUT', '/api/settings', { as: 'admin', body: { footer_lines: 'Only the footer' } });
    assert.equal(kept.json.name, 'The API Gazette', 'absent fields keep their values');
    const bad = await call('PUT', '/api/settings', { as: 'admin', body: { timestamp_format: '%Q' } });
    assert.equal(bad.status, 422);
    assert.match(bad.json.error, /^timestamp_format:/);
    const badPolicy = await call('PUT', '/api/settings', { as: 'admin', body: { comment_policy: 'anything' } });
    assert.equal(badPolicy.status, 422);
    assert.match(badPolicy.json.error, /^comment_policy:/);
    assert.equal((await call('GET', '/api/settings', { as: 'admin' })).json.footer_lines, 'Only the footer');
  });

  it('sets the comment policy: published at once, or held for a moderator', async () => {
    const id = await create('editor', 'A story for the comment policy');
    const { url } = (await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).json;
    const comment = async (text) => {
      const { action, articleId } = await readForm(server, url);
      assert.equal((await postComment(server, action, { name: 'Reader', text, token: goodToken(articleId) })).status, 303);
      return (await call('GET', '/api/comments?status=all', { as: apiToken })).json.comments.find((c) => c.text === text);
    };
    assert.equal((await call('PUT', '/api/settings', { as: 'admin', body: { comment_policy: 'publish' } })).json.comment_policy, 'publish');
    assert.equal((await comment('Published at once.')).status, 'approved');
    assert.equal((await call('PUT', '/api/settings', { as: 'admin', body: { comment_policy: 'moderate' } })).json.comment_policy, 'moderate');
    assert.equal((await comment('Held for a moderator.')).status, 'pending');
  });

  it('keeps who did what in the audit log, newest first', async () => {
    const made = await freshUser('moderator');
    await call('PUT', '/api/users/' + made.id, { as: 'admin', body: { role: 'editor' } });
    const entries = await auditEntries();
    assert.ok(entries.length > 0);
    const [change, add] = entries.filter((e) => e.target === `user:${made.id}`);
    assert.equal(change.action, 'user.change');
    assert.equal(change.user, 'admin');
    assert.equal(add.action, 'user.add');
    assert.match(add.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['token.create', 'token.revoke', 'settings']) assert.ok(actions.has(action), action);
    assert.equal((await call('GET', '/api/audit?page=0', { as: 'admin' })).status, 422);
  });

  it('records moderation through /api/comments with a personal token in the audit log', async () => {
    await call('PUT', '/api/settings', { as: 'admin', body: { comment_policy: 'moderate' } });
    const id = await create('editor', 'A story to moderate on');
    const { url } = (await call('POST', `/api/stories/${id}/publish`, { as: 'editor' })).json;
    const send = async (text) => {
      const { action, articleId } = await readForm(server, url);
      assert.equal((await postComment(server, action, { name: 'Reader', text, token: goodToken(articleId) })).status, 303);
      return (await call('GET', '/api/comments?status=pending', { as: 'moderator' })).json.comments.find((c) => c.text === text);
    };
    const first = await send('Moderated by a person.');
    const second = await send('Moderated by the site token.');
    assert.equal((await call('POST', `/api/comments/${first.id}/approve`, { as: 'moderator' })).status, 200);
    assert.equal((await call('POST', `/api/comments/${first.id}/spam`, { as: 'editor' })).status, 403);
    assert.equal((await call('POST', `/api/comments/${second.id}/reject`, { as: apiToken })).status, 200);
    // Last: SQLite may give a deleted comment's id to the next one.
    assert.equal((await call('DELETE', `/api/comments/${first.id}`, { as: 'admin' })).status, 200);
    const entries = await auditEntries();
    const approve = entries.find((e) => e.target === `comment:${first.id}` && e.action === 'comment.approve');
    assert.ok(approve, 'the approval is in the log');
    assert.equal(approve.user, 'moderator');
    assert.equal(approve.detail, 'Moderated by a person.');
    const removal = entries.find((e) => e.target === `comment:${first.id}` && e.action === 'comment.delete');
    assert.equal(removal?.user, 'admin');
    assert.ok(!entries.some((e) => e.target === `comment:${first.id}` && e.action === 'comment.spam'), 'refused: not logged');
    assert.ok(!entries.some((e) => e.target === `comment:${second.id}`), 'the site token is no person');
  });

  it('takes a session cookie only with its CSRF token in X-CSRF-Token', async () => {
    const admin = await signedIn(server, 'admin');
    const headers = { cookie: admin.cookieHeader() };
    assert.equal((await call('GET', '/api/settings', { headers })).status, 200);
    assert.equal((await call('PUT', '/api/settings', { headers, body: { footer_lines: 'No CSRF' } })).status, 403);
    assert.equal((await call('PUT', '/api/settings', { headers: { ...headers, 'x-csrf-token': 'wrong' }, body: { footer_lines: 'Wrong CSRF' } })).status, 403);
    const ok = await call('PUT', '/api/settings', { headers: { ...headers, 'x-csrf-token': admin.csrf }, body: { footer_lines: 'With CSRF' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.footer_lines, 'With CSRF');
    assert.equal((await call('GET', '/api/users')).status, 401);
  });
});
