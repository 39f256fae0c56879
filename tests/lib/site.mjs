// Reading Gazette's public pages in tests: fetch and parse, follow list pages, and the site's
// timestamp format computed independently of the server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { parseHtml } from './html.mjs';
import { dataSets } from './server.mjs';

export const seedArticle = () => JSON.parse(readFileSync(dataSets.seed, 'utf8'));
export const seedPath = '/en/middle-east/iran-russia-syria-defence-ministers-talks-tehran';

// GETs `target` and parses it. Asserts nothing; returns { response, text, doc }.
export async function getPage(server, target, options = {}) {
  const response = await server.fetch(target, options);
  const bytes = Buffer.from(await response.arrayBuffer());
  // Decode strictly: a page that is not valid UTF-8 must fail, not turn into U+FFFD.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return { response, text, doc: parseHtml(text) };
}

// GETs an HTML page and asserts it is a 200 text/html page in UTF-8.
export async function getHtml(server, target) {
  const page = await getPage(server, target);
  assert.equal(page.response.status, 200, `GET ${target}: status`);
  assertHtmlType(page.response, target);
  return page;
}

export function assertHtmlType(response, target) {
  assert.match(response.headers.get('content-type') ?? '', /^text\/html;\s*charset=utf-8$/i,
    `GET ${target}: Content-Type`);
}

// The story links of a list page (section, tag, or the edition's page 2+), in order.
export function listItems(doc) {
  return doc.querySelectorAll('ol.story-list li h2 a').map((a) => ({ headline: a.innerText, href: a.attr('href') }));
}

// The number of the last page of a paginated list: the largest N for which `${path}?page=N`
// is 200 (pages past the end are 404). Finds it by doubling, then bisecting.
export async function lastPage(server, path) {
  const exists = async (page) => {
    const response = await server.fetch(`${path}?page=${page}`);
    await response.arrayBuffer();
    assert.ok(response.status === 200 || response.status === 404, `GET ${path}?page=${page}: status ${response.status}`);
    return response.status === 200;
  };
  assert.ok(await exists(1), `${path} has no page 1`);
  let low = 1;
  let high = 2;
  while (await exists(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {  // low exists, high does not.
    const middle = Math.floor((low + high) / 2);
    if (await exists(middle)) low = middle;
    else high = middle;
  }
  return low;
}

// How many stories a paginated list holds: full pages times the page size plus the last page.
export async function countStories(server, path) {
  const last = await lastPage(server, path);
  const first = listItems((await getHtml(server, `${path}?page=1`)).doc).length;
  if (last === 1) return first;
  const final = listItems((await getHtml(server, `${path}?page=${last}`)).doc).length;
  return (last - 1) * first + final;
}

// Finds a story by headline in a paginated list; returns its href or null.
export async function findInList(server, path, headline) {
  const last = await lastPage(server, path);
  for (let page = 1; page <= last; page += 1) {
    const { doc } = await getHtml(server, `${path}?page=${page}`);
    const item = listItems(doc).find((story) => story.headline === headline);
    if (item) return item.href;
  }
  return null;
}

// The site's timestamp format, "GMT %H:%M %Y %A ,%d %B" in UTC, with the edition's names.
const kNames = {
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
      'October', 'November', 'December'],
  },
  ar: {
    days: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
    months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر',
      'نوفمبر', 'ديسمبر'],
  },
};

export function siteTimestamp(iso, language) {
  const time = new Date(iso);
  assert.ok(!Number.isNaN(time.getTime()), `not a time: ${iso}`);
  const two = (n) => String(n).padStart(2, '0');
  const { days, months } = kNames[language];
  return `GMT ${two(time.getUTCHours())}:${two(time.getUTCMinutes())} ${time.getUTCFullYear()} ` +
    `${days[time.getUTCDay()]} ,${two(time.getUTCDate())} ${months[time.getUTCMonth()]}`;
}
