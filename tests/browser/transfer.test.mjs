// What a first visit costs on the wire (issue 17, item 5): the site served as `./tractus serve`
// serves it (brotli and gzip copies written beside the big files first), opened in a fresh
// browser, with every byte the network carried counted from the browser's side: body and
// headers of each response, the service worker's own precaching included. At most 1.0 MB
// (decimal) may cross the network before the page is offline-ready. The time to the first
// frame is printed for the closing notes; it is measured, not asserted (bench/frame_bench.mjs
// times it against the bare page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, serveFolder, siteDir } from './harness.mjs';
import { precompress } from '../../server/lib/precompress.mjs';

const kLimitBytes = 1.0e6;
let root, site, url, browser;

before(async () => {
  assert.ok(siteDir && fs.existsSync(path.join(siteDir, 'sw.js')), `TRACTUS_SITE_DIR (${siteDir}) has no built site with sw.js`);
  // a copy, so the compressed files the server writes stay out of the build's site
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-transfer-'));
  fs.cpSync(siteDir, root, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
  precompress(root);
  site = await serveFolder(root);
  url = site.url;
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('a first visit moves at most 1.0 MB compressed, the service worker\'s precache included', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const rows = [];
  const pending = [];
  context.on('requestfinished', (req) => pending.push((async () => {
    const sizes = await req.sizes();
    const resp = await req.response();
    rows.push({ file: new URL(req.url()).pathname.replace(/^\//, '') || 'index.html',
                bytes: sizes.responseBodySize + sizes.responseHeadersSize,
                encoding: resp.headers()['content-encoding'] || '', byWorker: !!req.serviceWorker() });
  })()));
  const page = await context.newPage();
  await page.goto(`${url}?mode=sandbox`);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const firstFrameMs = await page.evaluate(() => window.tractus.firstFrameMs());
  const beforeWorker = rows.reduce((sum, r) => sum + r.bytes, 0);
  // offline-ready: the worker is active and its precache holds the wasm
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg || !reg.active) return false;
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      if (keys.some((k) => k.url.includes('tractus.wasm'))) return true;
    }
    return false;
  }, null, { timeout: 60000, polling: 250 });
  await page.waitForTimeout(500);
  await Promise.all(pending);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  const listing = rows.map((r) => `${r.file}${r.byWorker ? ' (worker)' : ''} ${r.bytes}${r.encoding ? ' ' + r.encoding : ''}`).join(', ');
  console.log(`first visit: ${beforeWorker} bytes to the first frame (${firstFrameMs.toFixed(0)} ms after navigation), ` +
              `${total} bytes with the precache: ${listing}`);
  for (const big of ['tractus.wasm', 'tractus.js', 'tractus.data']) {
    const r = rows.find((x) => x.file === big);
    assert.ok(r, `${big} was fetched`);
    assert.equal(r.encoding, 'br', `${big} came brotli-compressed`);
  }
  assert.ok(total <= kLimitBytes, `a first visit moved ${total} bytes, over ${kLimitBytes}: ${listing}`);
  await context.close();
});
