// Shared set-up for the browser tests: serve the built site, launch Debian's Chromium through
// playwright-core with WebGL2 on SwiftShader, and collect console errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../server/lib/http_server.mjs';

export const siteDir = process.env.TRACTUS_SITE_DIR;
export const screenshotDir = process.env.TRACTUS_SCREENSHOT_DIR || path.resolve('screenshots');

/** Starts the server and the browser (playwright gives it a fresh profile folder); returns
 *  { url, browser, close, restartServer }. options.relay also serves the classroom relay at
 *  /relay, as `./tractus serve` does, keeping its rooms in a file so that restartServer() (the
 *  server stopped and started again on the same port) resumes them. options.serviceWorkers
 *  'allow' lets pages register the site's offline service worker (sw.js); by default every
 *  context this browser makes blocks it, since each suite opens many fresh contexts and each
 *  would otherwise precache the whole site (1.7 MB) beside its own load, on a 2-core machine. */
export async function launch(options = {}) {
  if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`TRACTUS_SITE_DIR (${siteDir}) has no built site: build tractus_web first`);
  }
  fs.mkdirSync(screenshotDir, { recursive: true });
  const roomsFile = options.relay
    ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-relay-')), 'rooms.json') : undefined;
  const relay = options.relay ? { roomsFile } : undefined;
  let { server, url } = await serve(siteDir, 0, '127.0.0.1', { relay });
  const stop = () => new Promise((res) => {
    server.close(() => res());
    if (server.closeAllConnections) server.closeAllConnections();
  });
  const browser = await launchBrowser();
  // a caller's own serviceWorkers option still wins
  const serviceWorkers = options.serviceWorkers || 'block';
  for (const name of ['newContext', 'newPage']) {
    const make = browser[name].bind(browser);
    browser[name] = (contextOptions = {}) => make({ serviceWorkers, ...contextOptions });
  }
  return {
    url, browser,
    close: async () => {
      await browser.close();
      await stop();
    },
    restartServer: async () => {
      const port = Number(new URL(url).port);
      await stop();
      ({ server } = await serve(siteDir, port, '127.0.0.1', { relay }));
    },
  };
}

/** Launches Debian's headless Chromium with WebGL2 on SwiftShader and no server, as launch()
 *  does (for pages opened from file://); the caller closes it. */
export function launchBrowser() {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.TRACTUS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  });
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
  await waitFrames(page, 3);  // the start screen sizes itself to its contents over its first frames
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
 *  waits for the UI to have seen the press and the release. The widget must have stood still
 *  for a frame first: a window that sizes itself to its contents is placed from its size, so
 *  on its first frames its buttons are drawn where they will not stay, and a click aimed there
 *  on a slow renderer lands on nothing. */
export async function clickWidget(page, id, dx) {
  const r = await waitForSteadyWidget(page, id);
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

/** Waits until a widget has been drawn in the same place in two frames in a row; returns
 *  its rectangle. */
export async function waitForSteadyWidget(page, id, timeoutMs = 20000) {
  const start = Date.now();
  const same = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  let last = null;
  while (Date.now() - start < timeoutMs) {
    const r = await waitForWidget(page, id, Math.max(1, timeoutMs - (Date.now() - start)));
    if (same(r, last)) return r;
    last = r;
    await waitFrames(page, 1);
  }
  throw new Error(`widget ${id} never stood still for a frame (last at ${JSON.stringify(last)})`);
}

/** Saves a screenshot into the screenshot folder and returns its path. */
export async function screenshot(page, name) {
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file });
  return file;
}

/** Reloads the page, accepting the browser's "leave site?" question; returns the questions
 *  asked (e.g. ['beforeunload']). */
export async function reloadPage(page) {
  const asked = [];
  const onDialog = (d) => { asked.push(d.type()); d.accept(); };
  page.on('dialog', onDialog);
  await page.reload();
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  page.off('dialog', onDialog);
  await waitFrames(page, 3);  // the start screen sizes itself to its contents over its first frames
  return asked;
}

/** Waits until browser storage (IDBFS's IndexedDB store behind /persist) holds the file at
 *  path as the page's file system has it now (present true), or no longer holds it: what a
 *  reload will find, read without changing anything. */
export async function waitForStored(page, path, present, timeoutMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const stored = await page.evaluate((p) => new Promise((resolve) => {
      const M = window.Module;
      const db = M.IDBFS && M.IDBFS.dbs && M.IDBFS.dbs['/persist'];
      if (!db) { resolve(null); return; }
      let local = null;
      try { local = M.FS.readFile(p); } catch (e) { local = null; }
      const req = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').get(p);
      req.onsuccess = () => {
        const remote = req.result && req.result.contents;
        if (!remote) { resolve(false); return; }
        // present only when the stored copy is the file as it is now
        const same = local !== null && remote.length === local.length && remote.every((b, i) => b === local[i]);
        resolve(same ? true : 'stale');
      };
      req.onerror = () => resolve(null);
    }), path);
    if (stored === present) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`browser storage ${present ? 'never held the current' : 'still holds'} ${path}`);
}

/** Clicks a widget and returns the name and text of the file the page offers for download. */
export async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickWidget(page, id)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

/** From a debrief: saves a session record's text as fileName among the screenshots, goes back
 *  to the scenario list and opens that file there; returns the state once its replayed debrief
 *  is ready. */
export async function replayRecord(page, text, fileName) {
  const file = path.join(screenshotDir, fileName);
  fs.writeFileSync(file, text);
  await clickWidget(page, 'debrief.back');
  await waitForState(page, (x) => x.screen === 'scenarios', 'the scenario list');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'scenario.open_record')]);
  await chooser.setFiles(file);
  return waitForState(page, (x) => x.screen === 'debrief' && x.film_progress === 1 && x.score !== undefined,
                      'the replayed debrief', 120000);
}

/** Serves any folder as ./tractus serve serves the site, without the relay; returns
 *  { url, close }. */
export async function serveFolder(root) {
  const { server, url } = await serve(root, 0, '127.0.0.1');
  return {
    url,
    close: () => new Promise((res) => { server.close(() => res()); server.closeAllConnections?.(); }),
  };
}

/** On the osteoporotic patient's training screen (contraindication-osteoporosis), what an
 *  expert does: reads the chart, asks about red flags and bone health, and declines traction
 *  for osteoporosis. */
export async function screenAndDeclineOsteoporosis(page) {
  const choose = async (combo, item) => { await clickWidget(page, combo); await clickWidget(page, item); };
  await clickWidget(page, 'chart.header');  // opening the chart reviews it
  await choose('chart.question', 'chart.question.red_flags');
  await clickWidget(page, 'chart.ask');
  await choose('chart.question', 'chart.question.bone_health');
  await clickWidget(page, 'chart.ask');
  await choose('chart.decline_reason', 'chart.decline.osteoporosis');
  await clickWidget(page, 'chart.decline');
}

/** Picks a history file through the start screen's Import button and its file chooser; waits
 *  until the page has read it (its preview is open) and returns the state then. */
export async function pickHistoryFile(page, file) {
  const before = (await state(page)).saved.imports_read;
  const chooser = page.waitForEvent('filechooser');
  await clickWidget(page, 'start.import');
  await (await chooser).setFiles(file);
  const s = await waitForState(page, (x) => x.saved.imports_read === before + 1, `the page to read ${path.basename(file)}`);
  await waitFrames(page, 3);  // a new popup sizes itself to its contents over its first frames
  return s;
}
