// Writes SITE/sw.js, the service worker that keeps the trainer working offline once loaded
// (docs/offline.md): Workbox's generateSW precaches every file of the built site, so a page
// opened once opens again, and runs a whole session, with no network.
//
//   node web/pwa/build_sw.mjs SITE_DIR
//
// Exits non-zero, saying why, when Workbox warns about anything or when a file the page
// cannot run without is missing from the precache (a file over Workbox's size limit is
// otherwise left out with only a warning).
import fs from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';

// the page cannot start without these, offline or not
const kRequired = ['index.html', 'tractus.js', 'tractus.wasm', 'tractus.data'];
// Workbox's default limit is 2 MB; the wasm alone is about 1.3 MB and grows, and the whole
// site is held to 2.5 MB by tests/browser/site_size.test.mjs, so 16 MiB never drops a file
const kMaxFileBytes = 16 * 1024 * 1024;

function fail(message) {
  console.error(`build_sw: ${message}`);
  process.exit(1);
}

const siteDir = process.argv[2];
if (!siteDir || process.argv.length > 3) fail('usage: node build_sw.mjs SITE_DIR');
if (!fs.existsSync(path.join(siteDir, 'index.html'))) fail(`${siteDir} has no index.html: build the site first`);

let manifest = [];
let result;
try {
  result = await generateSW({
    globDirectory: siteDir,
    globPatterns: ['**/*'],
    // the server's precompressed copies are the same files again; the worker is not its own content
    globIgnores: ['**/*.br', '**/*.gz', 'sw.js', 'sw.js.map'],
    swDest: path.join(siteDir, 'sw.js'),
    cacheId: 'tractus',
    // one file: no workbox-*.js beside it for the site, a package or a cache to miss
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    maximumFileSizeToCacheInBytes: kMaxFileBytes,
    // ?mode=train&scenario=X, ?mode=instructor and the like are all the one precached page
    ignoreURLParametersMatching: [/.*/],
    navigateFallback: 'index.html',
    // a new version waits until the page asks for it (offline.js, never mid-session); the
    // first one takes the page at once, which had nothing cached to be inconsistent with
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // keeps a copy of the exact list Workbox precaches, to check it below (Workbox deletes
    // each entry's size once it has summed them)
    manifestTransforms: [(entries) => {
      manifest = entries.map((e) => ({ ...e }));
      return { manifest: entries, warnings: [] };
    }],
  });
} catch (err) {
  fail(`generateSW failed: ${err.message}`);
}

if (result.warnings.length > 0) fail(`Workbox warned:\n  ${result.warnings.join('\n  ')}`);
for (const name of kRequired) {
  const entry = manifest.find((e) => e.url === name);
  if (!entry) fail(`${name} is missing from the precache manifest (over ${kMaxFileBytes} bytes, or not built?)`);
  const bytes = fs.statSync(path.join(siteDir, name)).size;
  if (entry.size !== bytes) fail(`${name} is precached as ${entry.size} bytes but is ${bytes}`);
}
const swBytes = fs.statSync(path.join(siteDir, 'sw.js')).size;
console.log(`build_sw: sw.js (${swBytes} bytes) precaches ${result.count} files, ${result.size} bytes`);
