// The served site's raw size (issue 15 item 5): every file a browser can fetch from the built
// site, without the brotli and gzip copies the server writes beside them, stays within 2.5 MB.
// No browser is needed; it sits with the browser suites because it reads the same built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const kLimitBytes = 2.5e6;  // 2.5 MB raw, decimal megabytes
const siteDir = process.env.TRACTUS_SITE_DIR;

function served(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...served(file));
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) out.push([file, fs.statSync(file).size]);
  }
  return out;
}

test('the served site is at most 2.5 MB raw', () => {
  assert.ok(siteDir && fs.existsSync(path.join(siteDir, 'index.html')), `TRACTUS_SITE_DIR (${siteDir}) has no built site`);
  const files = served(siteDir);
  // the page cannot run without these four, so a missing one must not pass as small
  for (const name of ['index.html', 'tractus.js', 'tractus.wasm', 'tractus.data']) {
    assert.ok(files.some(([f]) => path.basename(f) === name), `${name} is missing from the site`);
  }
  const total = files.reduce((sum, [, bytes]) => sum + bytes, 0);
  const listing = files.map(([f, b]) => `${path.relative(siteDir, f)} ${b}`).join(', ');
  console.log(`served site: ${total} bytes (${listing})`);
  assert.ok(total <= kLimitBytes, `the site is ${total} bytes, over ${kLimitBytes}: ${listing}`);
});
