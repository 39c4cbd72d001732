// The single-file package (issue 17; docs/single-file.md): tractus-single.html, copied alone
// into an empty folder, runs from file:// with no server and asks the network for nothing. It
// draws the 3D view, plays a training scenario to its debrief through the UI, keeps the session
// in IndexedDB across a reload, and ?mode=instructor says the station needs the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePng, distinctColours } from './png.mjs';
import { launchBrowser, state, waitForState, waitFrames, clickWidget, screenshot, waitForStored,
  download, screenAndDeclineOsteoporosis } from './harness.mjs';

const packaged = process.env.TRACTUS_SINGLE_FILE;
const kLimitBytes = 3.5e6;  // the site's 2.5 MB budget plus base64's third on the wasm and data
let browser, fileUrl, dir;

before(async () => {
  assert.ok(packaged && fs.existsSync(packaged), `TRACTUS_SINGLE_FILE (${packaged}) is missing: build tractus_single`);
  // alone in a folder of its own: a sibling file it needed would be missing
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-single-'));
  const file = path.join(dir, 'tractus-single.html');
  fs.copyFileSync(packaged, file);
  fileUrl = pathToFileURL(file).href;
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context (its own storage) whose pages may load only the single file itself
 *  and data: or blob: URLs; anything else is refused and recorded in context.refused. */
async function isolatedContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.refused = [];
  const allowed = (url) => url.split(/[?#]/)[0] === fileUrl || /^(data|blob):/.test(url);
  context.on('request', (req) => { if (!allowed(req.url())) context.refused.push(req.url()); });
  await context.route('**/*', (route) => {
    // the 'request' listener has recorded it
    return allowed(route.request().url()) ? route.continue() : route.abort();
  });
  await context.routeWebSocket(/.*/, (ws) => { context.refused.push(ws.url()); ws.close(); });
  context.on('serviceworker', (sw) => context.refused.push(`service worker ${sw.url()}`));
  return context;
}

async function newPage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  return page;
}

/** Waits until the trainer is ready, failing at once on a refused request (a page that
 *  fetched its wasm would otherwise only time out); returns the milliseconds it took. */
async function waitReady(page, start) {
  const refused = page.context().refused;
  while (!(await page.evaluate(() => !!(window.tractus && window.tractus.ready())))) {
    assert.deepEqual(refused, [], 'the page asked the network for something');
    assert.ok(Date.now() - start < 90000, `not ready after 90 s; errors ${JSON.stringify(page.errors)}`);
    await page.waitForTimeout(20);
  }
  const ms = Date.now() - start;
  await waitFrames(page, 3);  // the start screen sizes itself to its contents over its first frames
  return ms;
}

/** Opens the single file with a query; returns the milliseconds from navigation to ready. */
async function openReady(page, query = '') {
  const start = Date.now();
  await page.goto(fileUrl + query);
  return waitReady(page, start);
}

test('the single file is one self-contained page of bounded size', () => {
  const bytes = fs.statSync(packaged).size;
  console.log(`tractus-single.html: ${bytes} bytes`);
  assert.ok(bytes <= kLimitBytes, `the single file is ${bytes} bytes, over ${kLimitBytes}`);
  const html = fs.readFileSync(packaged, 'utf8');
  assert.doesNotMatch(html, /<script[^>]*\bsrc=/i, 'a script is still loaded from a file');
  assert.doesNotMatch(html, /<link[^>]*\bhref="(?!data:)/i, 'a link still points at a file');
});

test('from file://: the 3D view, a training session to its debrief, and the history after a reload', async () => {
  const context = await isolatedContext();
  const page = await newPage(context);
  const readyMs = await openReady(page, '?mode=sandbox');
  console.log(`ready from file:// in ${readyMs} ms (first frame at ${Math.round(await page.evaluate(() => window.tractus.firstFrameMs()))} ms)`);
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state !== 'SELF-TEST', 'the sandbox');
  await page.waitForTimeout(500);
  const img = decodePng(fs.readFileSync(await screenshot(page, 'single-file-sandbox.png')));
  // the 3D view is the area left of the console; a blank canvas has one or two colours
  const colours = distinctColours(img, 0, 60, Math.floor(img.width * 0.6), img.height - 60);
  assert.ok(colours > 40, `only ${colours} distinct colours in the 3D view`);
  assert.ok((await state(page)).scene_draw_calls > 20, 'the scene is drawn');

  // the start screen, then the osteoporosis scenario screened and declined, as training.test.mjs
  await openReady(page);
  const start = await state(page);
  assert.equal(start.start_screen, true);
  assert.equal(start.history_size, 0, 'a fresh browser profile has no history');
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, 'scenario.contraindication-osteoporosis');
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await screenAndDeclineOsteoporosis(page);
  await clickWidget(page, 'toolbar.end_session');
  const debrief = await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  assert.equal(debrief.passed, true, `score ${debrief.score}, ${debrief.critical_errors} critical errors`);
  assert.equal(debrief.history_size, 1, 'the finished session is saved');
  await page.waitForTimeout(400);
  await screenshot(page, 'single-file-debrief.png');
  // a download is a blob: URL, which a file:// page may make
  const report = await download(page, 'debrief.export_json');
  assert.match(report.name, /\.json$/);
  assert.ok(JSON.parse(report.text), 'the report downloads as JSON');

  // IndexedDB itself holds the history (not only the localStorage backup made on the way out),
  // and a reload from file:// reads it back
  await waitForStored(page, '/persist/history.json', true);
  await page.reload();
  await waitReady(page, Date.now());
  const reloaded = await state(page);
  assert.equal(reloaded.history_size, 1, 'the history survives a reload from file://');
  assert.equal(reloaded.start_screen, true);
  await screenshot(page, 'single-file-history.png');

  assert.deepEqual(page.errors, []);
  assert.deepEqual(context.refused, [], 'the page asked the network for something');
  await context.close();
});

test('the patient tour and the product demo open from file://', async () => {
  const context = await isolatedContext();
  const page = await newPage(context);
  await openReady(page, '?mode=educate');
  await waitForState(page, (s) => s.screen === 'educate', 'the tour');
  await openReady(page, '?mode=demo&speed=60');
  await waitForState(page, (s) => s.screen === 'demo' && s.demo && s.demo.step_id !== 'self_test', 'the demo past its self-test');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(context.refused, []);
  await context.close();
});

test('a classroom from file:// says it needs ./tractus serve', async () => {
  const context = await isolatedContext();
  const page = await newPage(context);
  await openReady(page, '?mode=train&scenario=routine-lumbar-l45');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'toolbar.classroom');
  await clickWidget(page, 'classroom.open');
  let room;
  for (const start = Date.now(); Date.now() - start < 20000; await page.waitForTimeout(50)) {
    room = await page.evaluate(() => window.tractusRoom.status());
    if (room.status === 'unavailable') break;
  }
  assert.equal(room.status, 'unavailable', JSON.stringify({ ...room, modules: undefined }));
  assert.match(room.message, /\.\/tractus serve/);
  await waitFrames(page, 3);
  await screenshot(page, 'single-file-classroom.png');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(context.refused, []);
  await context.close();
});

test('?mode=instructor says the station needs ./tractus serve', async () => {
  const context = await isolatedContext();
  const page = await newPage(context);
  await page.goto(`${fileUrl}?mode=instructor`);
  const message = page.locator('#single-instructor');
  await message.waitFor({ state: 'visible', timeout: 20000 });
  assert.match((await message.textContent()).replace(/\s+/g, ' '),
               /instructor's station needs the classroom server: run \.\/tractus serve/);
  await screenshot(page, 'single-file-instructor.png');
  assert.equal(await page.evaluate(() => !!window.Module.calledRun), false, 'the trainer does not start');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(context.refused, []);
  await context.close();
});
