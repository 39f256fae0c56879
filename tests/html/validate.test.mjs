// Every kind of page Gazette serves, in both editions, passes the Nu Html Checker (vnu-jar from
// npm, run with the system Java) with zero errors. The pages checked are saved to
// tests/html/pages/ (not in git) so a failure can be looked at.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { allSharedData, needsSharedData, repoRoot, siteConfig, startGazette } from '../lib/server.mjs';
import { postComment, readForm } from '../lib/comments.mjs';
import { newsroomPages } from '../lib/newsroom.mjs';
import { getHtml, getPage, seedPath } from '../lib/site.mjs';

const vnuJar = createRequire(import.meta.url)('vnu-jar');  // The path of vnu.jar.
const pagesDir = path.join(repoRoot, 'tests', 'html', 'pages');

// Runs the checker on files; returns its messages ({ type, subType, message, url, lastLine, extract }).
async function nuCheck(files, extraArgs = []) {
  const args = ['-jar', String(vnuJar), '--format', 'json', '--stdout', ...extraArgs, ...files];
  let stdout;
  try {
    ({ stdout } = await promisify(execFile)(process.env.GAZETTE_JAVA || 'java', args, { maxBuffer: 64 << 20 }));
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error('no java: apt-get install default-jre-headless (or set GAZETTE_JAVA)');
    if (error.stdout === undefined || error.stdout === '') throw error;
    stdout = error.stdout;  // The checker exits 1 when it reports errors.
  }
  return JSON.parse(stdout).messages;
}

function describeMessages(messages) {
  return messages.map((m) =>
    `${path.basename(new URL(m.url ?? 'file:/?').pathname)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ` +
    `${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${m.extract ? `\n    ${JSON.stringify(m.extract)}` : ''}`).join('\n');
}

describe('HTML validity (Nu Html Checker)', () => {
  let server;
  const saved = [];  // { name, target, file }

  before(async () => {
    if (needsSharedData.skip) return;
    // One comment per page, published at once, so that article pages show comment pagination.
    const config = siteConfig.replace(/^page_size = 50\b/m, 'page_size = 1').replace(/^auto_publish = false/m, 'auto_publish = true')
      .replace(/^min_fill_seconds = 3\b/m, 'min_fill_seconds = 0');
    assert.notEqual(config, siteConfig);
    server = await startGazette({ load: allSharedData, config });
    await rm(pagesDir, { recursive: true, force: true });
    await mkdir(pagesDir, { recursive: true });

    // The pages of each edition, found by following links from its home page.
    const targets = { 'seed-article-en': seedPath, 'tag-en': '/en/tag/iran/', 'not-found-en': '/en/no-such-page' };
    for (const language of ['en', 'ar']) {
      const { doc } = await getHtml(server, `/${language}/`);
      const section = doc.querySelector('nav.sections a')?.attr('href');
      const article = doc.querySelector('article.lead h2 a')?.attr('href');
      assert.ok(section && article, `/${language}/ has no section link or no lead story`);
      const tag = (await getHtml(server, article)).doc.querySelector('ul.tags a')?.attr('href');
      Object.assign(targets, {
        [`home-${language}`]: `/${language}/`,
        [`home-page-2-${language}`]: `/${language}/?page=2`,
        [`section-${language}`]: section,
        [`section-page-2-${language}`]: `${section}?page=2`,
        [`article-${language}`]: article,
        [`not-found-${language}`]: `/${language}/no-such-section/`,
      });
      if (tag) targets[`tag-${language}`] = tag;
      const { action, token } = await readForm(server, article);
      for (const text of ['First comment, https://example.com/a?b=1&c=2', 'Second comment\non two lines']) {
        const sent = await postComment(server, action, { name: 'Reader', text, token });
        assert.equal(sent.status, 303, `POST ${action}`);
      }
      targets[`article-comments-page-2-${language}`] = `${article}?page=2`;
    }
    for (const [name, target] of Object.entries(targets)) {
      const { response, text } = await getPage(server, target);
      const expected = name.startsWith('not-found') ? 404 : 200;
      if (response.status === 404 && name.includes('page-2')) continue;  // A short section: no page 2.
      assert.equal(response.status, expected, `GET ${target}`);
      const file = path.join(pagesDir, `${name}.html`);
      await writeFile(file, text);
      saved.push({ name, target, file });
    }
    // The newsroom's screens (docs/newsroom.md), each in both interface languages.
    for (const [name, text] of Object.entries(await newsroomPages(server))) {
      const file = path.join(pagesDir, `${name}.html`);
      await writeFile(file, text);
      saved.push({ name, target: name, file });
    }
  });
  after(async () => {
    await server?.stop();
  });

  it('checks every kind of page of both editions', needsSharedData, () => {
    const names = saved.map((page) => page.name);
    for (const kind of ['home', 'section', 'tag', 'article', 'not-found']) {
      for (const language of ['en', 'ar']) {
        assert.ok(names.includes(`${kind}-${language}`), `no ${kind} page of the ${language} edition was found to check`);
      }
    }
    for (const kind of ['sign-in', 'stories', 'editor', 'preview', 'revisions', 'diff', 'users', 'settings', 'audit']) {
      for (const language of ['en', 'ar']) assert.ok(names.includes(`newsroom-${kind}-${language}`), `no newsroom ${kind} page (${language})`);
    }
  });

  it('finds no errors in the pages', needsSharedData, async () => {
    const messages = await nuCheck(saved.map((page) => page.file));
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    if (messages.length > 0) process.stderr.write(`Nu Html Checker messages:\n${describeMessages(messages)}\n`);
    assert.equal(errors.length, 0,
      `${errors.length} errors in ${saved.map((page) => `${page.name} (${page.target})`).join(', ')}:\n${describeMessages(errors)}`);
  });

  it('finds no errors in the stylesheets', needsSharedData, async () => {
    const files = [];
    for (const name of ['site.css', 'newsroom.css']) {
      const response = await server.fetch(`/static/${name}`);
      assert.equal(response.status, 200, name);
      files.push(path.join(pagesDir, name));
      await writeFile(files.at(-1), await response.text());
    }
    const messages = await nuCheck(files, ['--css']);
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    assert.equal(errors.length, 0, describeMessages(errors));
  });
});
