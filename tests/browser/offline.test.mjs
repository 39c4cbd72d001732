// The trainer offline once loaded (issue 17, docs/offline.md): the service worker precaches the
// whole site, the wasm and the data at their full sizes, and a page reloaded with the network
// off runs a training session to its debrief and keeps it in the history; a new version waits
// behind an "Update available" bar that never reloads a running session. The browser lets
// service workers register here (the harness blocks them for the other suites).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../server/lib/http_server.mjs';
import { launch, openPage, siteDir, state, waitForState, clickWidget, reloadPage, screenshot } from './harness.mjs';

const SCENARIO = 'contraindication-aortic-aneurysm';  // first in the list, declined in a few clicks
const buildSw = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/pwa/build_sw.mjs');

let env;
let copyDir;
let copyServer;

before(async () => { env = await launch({ serviceWorkers: 'allow' }); });
after(async () => {
  if (env) await env.close();
  if (copyServer) await new Promise((res) => { copyServer.close(() => res()); copyServer.closeAllConnections(); });
  if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
});

/** The files a browser can fetch from a site folder (not the server's .br and .gz copies). */
function siteFiles(dir) {
  return fs.readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f) && fs.statSync(path.join(dir, f)).isFile());
}

/** Waits until the page's service worker is active and controls the page. */
async function waitControlled(page) {
  await page.waitForFunction(() => window.tractusOffline.status().controlled
    && navigator.serviceWorker.controller.state === 'activated', null, { timeout: 90000 });
}

/** From the start screen: the scenario list, the aneurysm patient, declined, the debrief. */
async function declineSession(page) {
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training' && s.saved.session_running, 'the training session');
  return endSession(page);
}

async function endSession(page) {
  await clickWidget(page, 'chart.decline_reason');
  await clickWidget(page, 'chart.decline.aortic_aneurysm');
  await clickWidget(page, 'chart.decline');
  await clickWidget(page, 'toolbar.end_session');
  return waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
}

/** openPage's page (errors recorded, trainer ready), in a context of the caller's: pages of one
 *  context share their service worker, as a browser's tabs do. */
async function openIn(context, url, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  return page;
}

const barMode = (page) => page.evaluate(() => {
  const bar = document.getElementById('tractus-update');
  return bar && !bar.hidden ? bar.getAttribute('data-mode') : null;
});

test('loaded once, the trainer runs a training session with the network off', async () => {
  const page = await openPage(env.browser, env.url);
  await waitControlled(page);
  const status = await page.evaluate(() => window.tractusOffline.status());
  assert.equal(status.registered, true);
  assert.equal(status.updateWaiting, false, 'a first install offers no update');
  assert.equal(status.persistRequested, true, 'the page asks the browser to keep its storage');
  await page.waitForFunction(() => window.tractusOffline.persisted() !== null, null, { timeout: 10000 });
  console.log(`storage persisted: ${await page.evaluate(() => window.tractusOffline.persisted())}`);

  // every file of the site is precached whole, the wasm and the data included
  const cached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('tractus-precache'));
    const cache = await caches.open(name);
    const sizes = {};
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      sizes[new URL(request.url).pathname.slice(1)] = (await response.arrayBuffer()).byteLength;
    }
    return { name, sizes };
  });
  const expected = siteFiles(siteDir).filter((f) => f !== 'sw.js');
  assert.deepEqual(Object.keys(cached.sizes).sort(), expected.sort(), `precache ${cached.name}`);
  for (const f of expected) {
    assert.equal(cached.sizes[f], fs.statSync(path.join(siteDir, f)).size, `${f} is cached at its full size`);
  }
  const total = Object.values(cached.sizes).reduce((a, b) => a + b, 0);
  console.log(`precache ${cached.name}: ${expected.length} files, ${total} bytes; tractus.wasm ${cached.sizes['tractus.wasm']}, tractus.data ${cached.sizes['tractus.data']}`);

  // network off: the reload and everything it loads come from the service worker
  await page.context().setOffline(true);
  const served = new Map();
  page.on('response', (r) => served.set(new URL(r.url()).pathname, r.fromServiceWorker()));
  await reloadPage(page);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
  for (const f of ['/', '/tractus.js', '/tractus.wasm', '/tractus.data']) {
    assert.equal(served.get(f), true, `${f} came from the service worker (${JSON.stringify([...served])})`);
  }
  assert.equal((await state(page)).history_size, 0);
  const debrief = await declineSession(page);
  assert.equal(typeof debrief.score, 'number', 'the session was scored');
  assert.equal(debrief.history_size, 1, 'the offline session is saved');
  await screenshot(page, 'offline-debrief.png');

  // still offline, a link with parameters opens the precached page, and the history is kept
  await page.waitForTimeout(1000);  // IDBFS writes the history behind the debrief
  await page.goto(`${env.url}index.html?mode=train&scenario=routine-lumbar-l45`);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const reopened = await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  assert.equal(reopened.history_size, 1, 'the history survives an offline reload');
  assert.deepEqual(page.errors, []);
  await page.context().setOffline(false);
  await page.close();
});

test('a new version waits behind the update bar and never reloads a running session', async () => {
  copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-offline-'));
  for (const f of siteFiles(siteDir)) fs.copyFileSync(path.join(siteDir, f), path.join(copyDir, f));
  let url;
  ({ server: copyServer, url } = await serve(copyDir, 0, '127.0.0.1'));

  const context = await env.browser.newContext();
  const page = await openIn(context, `${url}?mode=sandbox`, { width: 1280, height: 720 });
  await waitControlled(page);
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });
  assert.equal(await barMode(page), null, 'no bar before there is an update');

  // a rebuilt site: one file changed, sw.js written again over the copy
  fs.appendFileSync(path.join(copyDir, 'instructor.css'), '\n/* offline test: version 2 */\n');
  execFileSync(process.execPath, [buildSw, copyDir], { stdio: 'pipe' });
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await page.waitForSelector('#tractus-update button', { state: 'visible', timeout: 60000 });
  const text = await page.textContent('#tractus-update');
  assert.match(text, /Update available/);
  assert.match(text, /Reload to update/);
  assert.equal((await page.evaluate(() => window.tractusOffline.status())).updateWaiting, true);
  await screenshot(page, 'offline-update-1280x720.png');

  // another tab at 1024x768 sees the same waiting version, in the sandbox and in a session
  const small = await openIn(context, `${url}?mode=sandbox`, { width: 1024, height: 768 });
  await small.waitForSelector('#tractus-update button', { state: 'visible', timeout: 30000 });
  await screenshot(small, 'offline-update-1024x768.png');
  await small.goto(`${url}?mode=train&scenario=${SCENARIO}`);
  await small.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  await small.waitForSelector('#tractus-update[data-mode="session"]', { state: 'visible', timeout: 30000 });
  await screenshot(small, 'offline-update-session-1024x768.png');
  assert.deepEqual(small.errors, []);
  await small.close();

  // in a session the bar only says the update waits for its end, and nothing reloads
  await clickWidget(page, 'toolbar.home');
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training' && s.saved.session_running, 'the training session');
  await page.waitForSelector('#tractus-update[data-mode="session"]', { state: 'visible', timeout: 10000 });
  assert.match(await page.textContent('#tractus-update'), /installs when this session ends/);
  assert.equal(await page.$('#tractus-update button'), null, 'no reload button during a session');
  await screenshot(page, 'offline-update-session-1280x720.png');
  await page.waitForTimeout(3000);
  assert.equal(navigations, 0, 'the page did not reload by itself');
  assert.equal(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), true,
               'the new version still waits');

  // the session over, the button is back; pressing it installs the new version and reloads once
  await endSession(page);
  await page.waitForSelector('#tractus-update[data-mode="ready"] button', { state: 'visible', timeout: 10000 });
  await screenshot(page, 'offline-update-debrief-1280x720.png');
  const loaded = page.waitForEvent('load', { timeout: 60000 });
  await page.click('#tractus-update button');
  await loaded;
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  assert.equal(navigations, 1, 'one reload');
  const after = await page.evaluate(async () => ({
    status: window.tractusOffline.status(),
    waiting: !!(await navigator.serviceWorker.getRegistration()).waiting,
    css: await (await fetch('instructor.css')).text(),
  }));
  assert.equal(after.status.controlled, true);
  assert.equal(after.status.updateWaiting, false);
  assert.equal(after.waiting, false, 'the new version is the active one');
  assert.match(after.css, /offline test: version 2/, 'the page now gets the new files');
  assert.equal(await barMode(page), null, 'no bar after the update');
  assert.deepEqual(page.errors, []);
  await context.close();
});
