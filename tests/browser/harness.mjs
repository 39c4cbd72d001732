// Shared set-up for the browser tests: serve the built site, launch Debian's Chromium through
// playwright-core with WebGL2 on SwiftShader, and collect console errors.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../web/serve.mjs';

export const siteDir = process.env.TRACTUS_SITE_DIR;
export const screenshotDir = process.env.TRACTUS_SCREENSHOT_DIR || path.resolve('screenshots');

/** Starts the server and the browser (playwright gives it a fresh profile folder); returns
 *  { url, browser, close }. */
export async function launch() {
  if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`TRACTUS_SITE_DIR (${siteDir}) has no built site: build tractus_web first`);
  }
  fs.mkdirSync(screenshotDir, { recursive: true });
  const { server, url } = await serve(siteDir, 0);
  const browser = await chromium.launch({
    executablePath: process.env.TRACTUS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  });
  return {
    url, browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Opens a page and records every console error and uncaught exception into page.errors;
 *  deviceScaleFactor 2 renders as on a high-density screen. */
export async function openPage(browser, url, viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1) {
  const page = await browser.newPage({ viewport, deviceScaleFactor });
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  return page;
}

/** The trainer's observable state through the read-only hook. */
export const state = (page) => page.evaluate(() => window.tractus.state());

/** Waits (polling the hook) until pred(state) holds; returns that state. */
export async function waitForState(page, pred, what, timeoutMs = 90000) {
  const start = Date.now();
  let s;
  while (Date.now() - start < timeoutMs) {
    s = await state(page);
    if (pred(s)) return s;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(s)}`);
}

/** Waits until the page has drawn n more frames, however slow the renderer. */
export async function waitFrames(page, n = 2) {
  const start = (await state(page)).frames;
  await waitForState(page, (s) => s.frames >= start + n, `${n} frames`, 30000);
}

/** Clicks the centre of a named widget (offset by dx from its left edge when given), then
 *  waits for the UI to have seen the press and the release. */
export async function clickWidget(page, id, dx) {
  const r = await waitForWidget(page, id);
  await page.mouse.click(dx === undefined ? r.x + r.w / 2 : r.x + dx, r.y + r.h / 2);
  await waitFrames(page, 3);
}

/** Waits until a widget has been drawn; returns its rectangle. */
export async function waitForWidget(page, id, timeoutMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const r = await page.evaluate((w) => window.tractus.widget(w), id);
    if (r) return r;
    await page.waitForTimeout(50);
  }
  throw new Error(`widget ${id} was never drawn`);
}

/** Saves a screenshot into the screenshot folder and returns its path. */
export async function screenshot(page, name) {
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file });
  return file;
}
