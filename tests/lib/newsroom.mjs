// Newsroom helpers for the tests (docs/newsroom.md): accounts made with `gazette user add`, and
// a signed-in client that keeps its cookies and sends the session's CSRF token with its forms.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { runGazette } from './server.mjs';

export const password = 'a-long-test-password';

// Runs `gazette user add --role ROLE NAME --password-file F` against the server's database.
export async function addUser(server, name, role, secret = password) {
  const file = path.join(server.workspace.dir, `password-${name}`);
  await writeFile(file, `${secret}\n`);
  const result = await runGazette(['user', 'add', ...server.workspace.configArgs(), '--role', role, '--password-file', file, name],
    { env: server.workspace.env() });
  if (result.code !== 0) throw new Error(`gazette user add ${name}: ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

export function hidden(html, name) {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match ? match[1] : null;
}

export class Client {
  constructor(server) {
    this.server = server;
    this.cookies = new Map();
    this.csrf = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(target) {
    const response = await this.server.fetch(target, { headers: { cookie: this.cookieHeader() } });
    this.keep(response);
    const text = await response.text();
    this.csrf = hidden(text, 'csrf') ?? this.csrf;
    return { response, text };
  }

  // POSTs the fields as a form, with the CSRF token unless `csrf` is given (null: none).
  async post(target, fields = {}, { csrf } = {}) {
    const body = new URLSearchParams(fields);
    const token = csrf === undefined ? this.csrf : csrf;
    if (token !== null && token !== undefined) body.set('csrf', token);
    const response = await this.server.fetch(target, {
      method: 'POST', body, headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.keep(response);
    const text = await response.text();
    return { response, text };
  }

  // Signs in through the form; returns the sign-in POST's response.
  async signIn(name, secret = password) {
    const page = await this.get('/newsroom/sign-in');
    const result = await this.post('/newsroom/sign-in', { token: hidden(page.text, 'token'), name, password: secret }, { csrf: null });
    if (result.response.status === 303) await this.get('/newsroom/stories/');
    return result;
  }
}

export async function signedIn(server, name) {
  const client = new Client(server);
  const result = await client.signIn(name);
  if (result.response.status !== 303) throw new Error(`sign-in as ${name}: ${result.response.status}`);
  return client;
}

export const story = (headline, extra = {}) => ({
  language: 'en', headline, standfirst: 'A standfirst.', body: 'The body, in **Markdown**.', section: 'Newsroom Desk',
  tags: 'Testing', byline: 'A. Reporter', dateline: 'Riverton', source: 'Gazette', ...extra,
});

// The story id from a 303 to /newsroom/stories/ID.
export function storyId(response) {
  const match = /\/newsroom\/stories\/(\d+)/.exec(response.headers.get('location') ?? '');
  return match ? Number(match[1]) : null;
}

// Every kind of newsroom page, in English and Arabic, as an admin sees it (for the HTML checker):
// { 'newsroom-editor-ar': html, ... }. Adds an admin account and a story of each language.
export async function newsroomPages(server) {
  await addUser(server, 'html-admin', 'admin');
  const pages = {};
  for (const language of ['en', 'ar']) {
    const visitor = new Client(server);
    await visitor.get(`/newsroom/language/${language}`);
    pages[`newsroom-sign-in-${language}`] = (await visitor.get('/newsroom/sign-in')).text;
  }
  const admin = await signedIn(server, 'html-admin');
  const fields = {
    en: story('Checked by the Nu Html Checker', { body: 'A paragraph.\n\n* a list\n* of two' }),
    ar: story('خبر يفحصه مدقق HTML', { language: 'ar', section: 'محليات', tags: 'فحص، اختبار', body: 'فقرة **أولى**.' }),
  };
  for (const language of ['en', 'ar']) {
    await admin.get(`/newsroom/language/${language}`);
    const created = await admin.post('/newsroom/stories/new', { ...fields[language], do: 'publish' });
    const id = storyId(created.response);
    await admin.post(`/newsroom/stories/${id}`, { ...fields[language], body: `${fields[language].body}\n\nMore.`, do: 'save' });
    await admin.post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: 'A note.' });
    const revisions = (await admin.get(`/newsroom/stories/${id}/revisions`)).text;
    const [to, from] = [...revisions.matchAll(/data-revision="(\d+)"/g)].map((m) => m[1]);
    Object.assign(pages, {
      [`newsroom-stories-${language}`]: (await admin.get('/newsroom/stories/')).text,
      [`newsroom-new-${language}`]: (await admin.get('/newsroom/stories/new')).text,
      [`newsroom-editor-${language}`]: (await admin.get(`/newsroom/stories/${id}`)).text,
      [`newsroom-preview-${language}`]: (await admin.post(`/newsroom/stories/${id}`, { ...fields[language], do: 'preview' })).text,
      [`newsroom-revisions-${language}`]: revisions,
      [`newsroom-diff-${language}`]: (await admin.get(`/newsroom/stories/${id}/diff?from=${from}&to=${to}`)).text,
      [`newsroom-comments-${language}`]: (await admin.get('/newsroom/comments/')).text,
      [`newsroom-users-${language}`]: (await admin.get('/newsroom/users/')).text,
      [`newsroom-settings-${language}`]: (await admin.get('/newsroom/settings')).text,
      [`newsroom-audit-${language}`]: (await admin.get('/newsroom/audit/')).text,
    });
  }
  return pages;
}

// A JSON API call as `as`: a role whose personal token is in `tokens`, or a raw token. Returns
// { status, json (null when the body is not JSON), text, response }.
export async function apiCall(server, tokens, method, target, { as, body, headers = {} } = {}) {
  const auth = as ? { authorization: `Bearer ${tokens[as] ?? as}` } : {};
  const response = await server.fetch(target, {
    method, headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text, response };
}
