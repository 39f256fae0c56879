// The sample stories that ship in demo/sample/ (what the demo serves without ../shared): every
// published story is listed in its section and shown whole on its page, in its edition. Needs
// no shared data, so it runs everywhere.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { dataSets, siteConfig, startGazette } from '../lib/server.mjs';
import { findInList, getHtml, siteTimestamp } from '../lib/site.mjs';

const missing = existsSync(dataSets.sample) ? false : `${dataSets.sample} is absent`;
if (missing) process.stderr.write(`\n!!! SKIPPING the sample-story tests: ${missing}\n\n`);
const stories = missing ? [] : JSON.parse(readFileSync(dataSets.sample, 'utf8'));
const published = stories.filter((story) => (story.status ?? 'published') === 'published');

describe('the demo sample stories', () => {
  let server;
  before(async () => {
    if (missing) return;
    server = await startGazette({ load: [dataSets.sample], config: siteConfig });
  });
  after(async () => {
    await server?.stop();
  });

  it('has stories in both editions', { skip: missing }, () => {
    const languages = new Set(published.map((story) => story.language));
    assert.deepEqual([...languages].sort(), ['ar', 'en']);
  });

  for (const story of published) {
    it(`shows "${story.headline}" (${story.language}, ${story.section})`, { skip: missing }, async () => {
      const home = await getHtml(server, `/${story.language}/`);
      const section = home.doc.querySelectorAll('nav.sections a').find((a) => a.innerText === story.section);
      assert.ok(section, `/${story.language}/ links no section named ${story.section}`);
      const href = await findInList(server, section.attr('href'), story.headline);
      assert.ok(href, `${section.attr('href')} does not list the story`);

      const { doc } = await getHtml(server, href);
      const html = doc.querySelector('html');
      assert.deepEqual({ lang: html.attr('lang'), dir: html.attr('dir') },
        { lang: story.language, dir: story.language === 'ar' ? 'rtl' : 'ltr' });
      assert.equal(doc.querySelector('main h1')?.innerText, story.headline);
      const time = doc.querySelector('article header time');
      assert.equal(time?.attr('datetime'), story.published_at);
      assert.equal(time?.textContent, siteTimestamp(story.published_at, story.language));
      if (story.dateline) assert.equal(doc.querySelector('div.body p.dateline')?.innerText, story.dateline);
      const paragraphs = doc.querySelectorAll('div.body > p').filter((p) => !p.hasClass('dateline'));
      assert.deepEqual(paragraphs.map((p) => p.textContent), story.body_paragraphs);
      if (story.byline) assert.equal(doc.querySelector('.byline')?.innerText, story.byline);
      assert.deepEqual(doc.querySelectorAll('ul.tags li a').map((a) => a.innerText), story.tags ?? []);
      const source = doc.querySelector('p.source')?.innerText ?? '';
      assert.ok(source.endsWith(`: ${story.source}`), `source line "${source}"`);
    });
  }
});
