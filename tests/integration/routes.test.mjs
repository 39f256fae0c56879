// Every kind of public URL answers with the right status and Content-Type: pages, redirects,
// the 404 page, static files and the health check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { allSharedData, needsSharedData, siteConfig, startGazette } from '../lib/server.mjs';
import { assertHtmlType, getHtml, getPage, seedPath } from '../lib/site.mjs';

describe('routes', () => {
  let server;
  before(async () => {
    if (needsSharedData.skip) return;
    server = await startGazette({ load: allSharedData, config: siteConfig });
  });
  after(async () => {
    await server?.stop();
  });

  it('redirects / to the English edition with 302', needsSharedData, async () => {
    const response = await server.fetch('/');
    assert.equal(response.status, 302);
    assert.equal(new URL(response.headers.get('location'), server.baseUrl).pathname, '/en/');
  });

  it('serves every kind of page as 200 text/html; charset=utf-8', needsSharedData, async () => {
    const { doc } = await getHtml(server, '/en/');
    const pages = ['/en/', '/ar/', '/en/middle-east/', '/en/tag/iran/', seedPath, '/en/sport/', '/en/sport/?page=2'];
    // Arabic section, tag (if any) and article pages, found from the Arabic home page.
    const ar = (await getHtml(server, '/ar/')).doc;
    const arArticle = ar.querySelector('article.lead h2 a')?.attr('href');
    const arSection = ar.querySelector('nav.sections a')?.attr('href');
    assert.ok(arArticle && arSection, 'the Arabic home page has no lead story or no section links');
    pages.push(arArticle, arSection);
    assert.ok(doc.querySelector('nav.sections a'), 'the English home page has no section links');
    for (const target of pages) await getHtml(server, target);
  });

  it('answers an unknown page with the HTML 404 page', needsSharedData, async () => {
    const targets = [
      '/no-such-page', '/en/no-such-section/', '/en/middle-east/no-such-article', '/en/tag/no-such-tag/',
      '/fr/', '/ar/no-such-section/', '/static/no-such-file.css',
    ];
    for (const target of targets) {
      const { response, doc } = await getPage(server, target);
      assert.equal(response.status, 404, `GET ${target}: status`);
      if (target.startsWith('/static/')) continue;
      assertHtmlType(response, target);
      assert.ok(doc.querySelector('html'), `GET ${target}: the 404 body is not an HTML page`);
      assert.ok(doc.querySelector('h1')?.innerText, `GET ${target}: the 404 page has no heading`);
      assert.ok(doc.querySelector('a[href="/en/"], a[href="/ar/"]'), `GET ${target}: the 404 page has no link home`);
    }
  });

  it('gives the 404 page in Arabic, right to left, under /ar/', needsSharedData, async () => {
    const { response, doc } = await getPage(server, '/ar/no-such-section/');
    assert.equal(response.status, 404);
    assert.equal(doc.querySelector('html').attr('lang'), 'ar');
    assert.equal(doc.querySelector('html').attr('dir'), 'rtl');
  });

  it('redirects an article under the wrong section with 301 to the right one', needsSharedData, async () => {
    const wrong = seedPath.replace('/middle-east/', '/sport/');
    const response = await server.fetch(wrong);
    assert.equal(response.status, 301);
    assert.equal(new URL(response.headers.get('location'), server.baseUrl).pathname, seedPath);
    const bogus = await server.fetch(seedPath.replace('/middle-east/', '/no-such-section/'));
    assert.equal(bogus.status, 301);
    assert.equal(new URL(bogus.headers.get('location'), server.baseUrl).pathname, seedPath);
  });

  it('does not serve an English article in the Arabic edition', needsSharedData, async () => {
    const response = await server.fetch(seedPath.replace('/en/', '/ar/'));
    assert.equal(response.status, 404);
  });

  it('serves /static/site.css as text/css', needsSharedData, async () => {
    const response = await server.fetch('/static/site.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css(;\s*charset=utf-8)?$/i);
    assert.ok((await response.text()).length > 0, 'empty stylesheet');
  });

  it('links every page to the stylesheet it serves', needsSharedData, async () => {
    const { doc } = await getHtml(server, seedPath);
    const href = doc.querySelector('link[rel=stylesheet]')?.attr('href');
    assert.ok(href, 'no stylesheet link');
    const response = await server.fetch(href);
    assert.equal(response.status, 200, `GET ${href}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
  });

  it('answers /healthz with 200 "ok"', needsSharedData, async () => {
    const response = await server.fetch('/healthz');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal((await response.text()).trim(), 'ok');
  });

  it('rejects page numbers that name no page', needsSharedData, async () => {
    for (const query of ['?page=9999', '?page=0', '?page=-1', '?page=abc', '?page=1x']) {
      const response = await server.fetch(`/en/sport/${query}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404, `GET /en/sport/${query}`);
    }
  });
});
