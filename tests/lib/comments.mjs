// Helpers for the comment tests (docs/comments.md): a config with a known form-token key, tokens
// minted the way the server signs them (so tests can set the issue time instead of waiting),
// posting the form, and reading comments back over the moderation API.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';

import { getPage } from './site.mjs';

export const tokenKey = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
export const apiToken = 'test-api-token-for-comments';

// A TOML config: [comments] with the known key plus `comments` lines, and the API token.
export function commentsConfig(comments = {}) {
  const lines = Object.entries({ token_key: tokenKey, min_fill_seconds: 2, token_ttl_seconds: 600, rate_limit: 100000, ...comments })
    .map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
  return `[comments]\n${lines.join('\n')}\n\n[api]\ntoken = "${apiToken}"\n`;
}

// A form token as the server makes one: article id | issued | nonce, then crypto_auth
// (HMAC-SHA-512 truncated to 32 bytes) under `key`.
export function mintToken(articleId, issuedSeconds, key = tokenKey) {
  const payload = Buffer.alloc(32);
  payload.writeBigUInt64BE(BigInt(articleId), 0);
  payload.writeBigUInt64BE(BigInt(issuedSeconds), 8);
  randomBytes(16).copy(payload, 16);
  const mac = createHmac('sha512', Buffer.from(key, 'hex')).update(payload).digest().subarray(0, 32);
  return Buffer.concat([payload, mac]).toString('hex');
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

// The article page's form: { doc, token, action, articleId }.
export async function readForm(server, path) {
  const page = await getPage(server, path);
  assert.equal(page.response.status, 200, `GET ${path}`);
  const form = page.doc.querySelector('form.comment-form');
  assert.ok(form, `${path} has no comment form`);
  const token = form.querySelector('input[name=token]').attr('value');
  return { ...page, form, token, action: form.attr('action'), articleId: Number(BigInt(`0x${token.slice(0, 16)}`)) };
}

// A token old enough to pass the minimum fill time and young enough to be valid.
export const goodToken = (articleId) => mintToken(articleId, nowSeconds() - 10);

// POSTs the form fields (urlencoded) to `action`. `body` may be given raw instead.
export async function postComment(server, action, fields, { body, headers = {} } = {}) {
  const response = await server.fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body ?? new URLSearchParams(fields).toString(),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, status: response.status, location: response.headers.get('location'), text: bytes.toString('utf8') };
}

export async function api(server, method, target, { token = apiToken } = {}) {
  const headers = token === null ? {} : { authorization: `Bearer ${token}` };
  const response = await server.fetch(target, { method, headers });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text, response };
}

export async function listComments(server, status = 'all') {
  const { status: code, json } = await api(server, 'GET', `/api/comments?status=${status}`);
  assert.equal(code, 200);
  return json.comments;
}

// The first article link of an edition's home page.
export async function firstArticlePath(server, language) {
  const page = await getPage(server, `/${language}/`);
  const link = page.doc.querySelectorAll('a').map((a) => a.attr('href'))
    .find((href) => href && new RegExp(`^/${language}/[^/]+/[^/]+$`).test(href) && !href.startsWith(`/${language}/tag/`));
  assert.ok(link, `no article link on /${language}/`);
  return decodeURIComponent(link);
}
