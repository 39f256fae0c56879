// Debian's Chromium driven by playwright-core, for the browser tests. Playwright never downloads
// a browser here: it starts /usr/bin/chromium (or $GAZETTE_CHROMIUM) with a fresh temporary
// profile and no network services of its own.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { repoRoot } from './server.mjs';

export const chromiumPath = process.env.GAZETTE_CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'tests', 'browser', 'screenshots');

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium (or set GAZETTE_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// A new page in its own context. Records console errors, page errors and failed or non-2xx/3xx
// requests in `page.problems`, so a test can assert the reader saw none.
export async function openPage(browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || isFavicon(message.location().url)) return;
    page.problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!isFavicon(request.url())) page.problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}

// Browsers ask for /favicon.ico on their own; the site links none, so its 404 is no problem.
function isFavicon(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
