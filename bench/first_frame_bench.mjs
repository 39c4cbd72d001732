// Time to the first frame (issue 17, item 5): the trainer opened in headless Chromium on
// SwiftShader, from the site served as `./tractus serve` serves it (brotli copies written
// first) on localhost, each load in a fresh browser context so nothing is cached. A first
// visit (the service worker precaches the site, then the trainer loads from it), a return
// visit (served by the worker), and a browser without service workers; against them, in the
// same run, the instructor's station (?mode=instructor: the same page shell and small scripts,
// no WebAssembly), so the ratio says what the trainer itself adds. Budget: median first-visit
// first frame <= 1000 ms.
// A benchmark, not a test: the figures depend on the machine and its load. Prints CSV and
// exits 1 when the budget is missed.
//   node bench/first_frame_bench.mjs [LOADS]   (./tractus bench first-frame [LOADS] builds first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, siteDir } from '../tests/browser/harness.mjs';
import { serve } from '../server/lib/http_server.mjs';
import { precompress } from '../server/lib/precompress.mjs';

const loads = Number(process.argv[2] || 7);
if (!Number.isInteger(loads) || loads < 1) {
  console.error('usage: node bench/first_frame_bench.mjs [LOADS >= 1]');
  process.exit(2);
}
const kBudgetMs = 1000;
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-first-frame-'));
fs.cpSync(siteDir, root, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
precompress(root);
const { server, url } = await serve(root, 0, '127.0.0.1');
const browser = await launchBrowser();

// one cold load: milliseconds from navigation to the wasm's arrival, the runtime's start and
// the first drawn frame (or, for the station, to its first render)
async function coldLoad(kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 },
                                             serviceWorkers: kind === 'no_worker' || kind === 'station' ? 'block' : 'allow' });
  const page = await context.newPage();
  const trainerReady = () => page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  if (kind === 'station') {
    await page.goto(`${url}?mode=instructor`);
    // the station has drawn its page once it has put the class's panels in
    await page.waitForFunction(() => document.body.classList.contains('instructor') &&
                               performance.getEntriesByType('navigation')[0].loadEventEnd > 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    await context.close();
    return { first_frame_ms: t };
  }
  await page.goto(`${url}?mode=sandbox`);
  await trainerReady();
  if (kind === 'return') {
    // offline-ready, then the visit that counts: served by the worker
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await trainerReady();
  }
  const r = await page.evaluate(() => ({
    wasm_ms: (performance.getEntriesByType('resource').find((e) => e.name.endsWith('tractus.wasm')) || {}).responseEnd ?? NaN,
    runtime_ms: window.Module.runtimeReadyMs,
    first_frame_ms: window.tractus.firstFrameMs(),
  }));
  await context.close();
  return r;
}

let status = 0;
const rows = {};
try {
  for (const kind of ['station', 'first', 'return', 'no_worker']) {
    rows[kind] = [];
    for (let i = 0; i < loads; ++i) rows[kind].push(await coldLoad(kind));
  }
} finally {
  await browser.close();
  await new Promise((res) => { server.close(() => res()); server.closeAllConnections?.(); });
  fs.rmSync(root, { recursive: true, force: true });
}
const med = (kind, key) => median(rows[kind].map((r) => r[key]));
console.log('measure,value,budget,verdict');
const first = med('first', 'first_frame_ms');
const ok = first <= kBudgetMs;
if (!ok) status = 1;
console.log(`first_visit_first_frame_ms,${first.toFixed(0)},<= ${kBudgetMs},${ok ? 'pass' : 'FAIL'}`);
console.log(`first_visit_wasm_arrived_ms,${med('first', 'wasm_ms').toFixed(0)},,`);
console.log(`first_visit_runtime_started_ms,${med('first', 'runtime_ms').toFixed(0)},,`);
console.log(`return_visit_first_frame_ms,${med('return', 'first_frame_ms').toFixed(0)},(served by the service worker),`);
console.log(`no_worker_first_frame_ms,${med('no_worker', 'first_frame_ms').toFixed(0)},(service workers blocked),`);
console.log(`no_worker_runtime_started_ms,${med('no_worker', 'runtime_ms').toFixed(0)},,`);
console.log(`station_loaded_ms,${med('station', 'first_frame_ms').toFixed(0)},(baseline: the page shell without WebAssembly),`);
console.log(`first_visit_over_station,${(first / med('station', 'first_frame_ms')).toFixed(2)},,`);
console.log(`loads,${loads},,`);
console.log(`load_average,${os.loadavg()[0].toFixed(2)},(on ${os.cpus().length} cores),`);
process.exit(status);
