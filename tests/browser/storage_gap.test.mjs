// A reload in the milliseconds between a write and IndexedDB holding it loses nothing: the
// page backs up what IndexedDB lacks to localStorage when it is left, and the next load takes
// it only when it is newer than IndexedDB's copy (web/src/storage_mirror.h). The copy to
// IndexedDB is held back here (the page's FS.syncfs never calls back), so the reload lands in
// that gap for certain. A damaged or an older backup never changes the saved history, and a
// backup cut to the newest sessions (a history too big for it) adds them to what is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, screenshot, reloadPage, waitForStored } from './harness.mjs';

const SCENARIO = 'contraindication-aortic-aneurysm';  // first in the list: visible at 720 px
let env;

before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

/** Plays one short session to its debrief and returns to the start screen; returns the state
 *  at the debrief. */
async function playOne(page) {
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await waitFrames(page, 3);
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'chart.header');
  await clickWidget(page, 'toolbar.end_session');
  const debrief = await waitForState(page, (s) => s.screen === 'debrief', 'the debrief');
  await clickWidget(page, 'toolbar.home');
  await waitForState(page, (s) => s.screen === 'start', 'the start screen');
  await waitFrames(page, 3);  // the start screen sizes itself to its contents over its first frames
  return debrief;
}

/** From now on the page's copies to IndexedDB never finish (as if the reload came first). */
const holdSyncs = (page) => page.evaluate(() => {
  const M = window.Module;
  const real = M.FS.syncfs.bind(M.FS);
  M.FS.syncfs = (populate, callback) => { if (populate === true) real(populate, callback); };
});

const backupItem = (page) => page.evaluate(() => localStorage.getItem('tractus.backup'));
const generations = (page) => page.evaluate(() =>
  JSON.parse(window.Module.FS.readFile('/persist/generations.json', { encoding: 'utf8' })).files);

// the 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits (the backup's check)
function fnv1a(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

const backupOf = (files) => JSON.stringify({
  format: 'tractus-storage-backup', version: 1, saved_at: '2026-12-02T14:00:00.000Z',
  files: files.map((f) => ({ ...f, bytes: Buffer.byteLength(f.text, 'utf8'), fnv1a: fnv1a(f.text), ...f.over })),
});
const emptyHistory = JSON.stringify({ version: 2, trainee: 'Mallory', sessions: [] });

test('a session that ends while IndexedDB is still copying survives an immediate reload', async () => {
  const page = await openPage(env.browser, env.url);
  await playOne(page);
  await waitForStored(page, '/persist/history.json', true);  // the first session is in IndexedDB
  const first = await state(page);
  assert.equal(first.history_size, 1);

  await holdSyncs(page);
  const second = await playOne(page);
  assert.equal(second.history_size, 2);
  // the gap is real: IndexedDB still holds the history without the second session
  await waitForStored(page, '/persist/history.json', 'stale');
  assert.equal(await backupItem(page), null, 'no backup while the page is open and shown');

  const asked = await reloadPage(page);
  assert.deepEqual(asked, [], 'an ended session does not ask');
  const after = await state(page);
  assert.equal(after.history_size, 2, 'the session that ended just before the reload is kept');
  assert.deepEqual(after.saved.history_ids, second.saved.history_ids);
  assert.equal(after.saved.history_digest, second.saved.history_digest, 'byte for byte the history it had');
  assert.equal(after.saved.resume_offer, undefined, 'the ended session is not offered for resuming');
  assert.equal(after.saved.storage_message, '');
  // restored into IndexedDB, after which the backup is dropped
  await waitForStored(page, '/persist/history.json', true);
  await page.waitForFunction(() => localStorage.getItem('tractus.backup') === null, null, { timeout: 20000 });
  // and a second reload reads it from IndexedDB alone
  await reloadPage(page);
  assert.equal((await state(page)).saved.history_digest, second.saved.history_digest);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a damaged backup is refused with its reason and the saved history stays as it was', async () => {
  const page = await openPage(env.browser, env.url);
  await playOne(page);
  await waitForStored(page, '/persist/history.json', true);
  await waitForStored(page, '/persist/generations.json', true);
  const kept = await state(page);
  const gens = await generations(page);
  // newer than IndexedDB by its generation, but its text does not match its checksum
  const damaged = backupOf([{ path: '/persist/history.json', generation: gens['/persist/history.json'] + 5,
    state: 'whole', text: emptyHistory, over: { fnv1a: '0123456789abcdef' } }]);
  await page.evaluate((t) => localStorage.setItem('tractus.backup', t), damaged);
  await reloadPage(page);
  let s = await state(page);
  assert.equal(s.saved.history_digest, kept.saved.history_digest, 'the saved history is unchanged');
  assert.equal(s.history_size, 1);
  assert.match(s.saved.storage_message,
    /^A backup of unsaved changes was found but refused: does not match the text \(it is damaged\)\. Your saved data is unchanged\. The backup was kept as \/persist\/storage-backup\.refused\.\nAt \$\.files\[0\]\.fnv1a in the backup\.$/);
  assert.equal(await backupItem(page), null, 'the refused backup is not read again');
  await waitFrames(page, 3);
  await screenshot(page, 'storage-backup-refused.png');

  // valid but not a history file: refused by the history's own check
  await page.evaluate((t) => localStorage.setItem('tractus.backup', t), backupOf([{
    path: '/persist/history.json', generation: gens['/persist/history.json'] + 6, state: 'whole', text: '{"version": 9}' }]));
  await reloadPage(page);
  s = await state(page);
  assert.equal(s.saved.history_digest, kept.saved.history_digest);
  assert.match(s.saved.storage_message, /refused: .*version[\s\S]*\nAt \/persist\/history\.json in the backup\.$/);

  // well formed but older than IndexedDB's copy: dropped without a word
  const older = gens['/persist/history.json'] - 1;
  assert.ok(older >= 1, `the history was written at generation ${older + 1}, after the session file`);
  await page.evaluate((t) => localStorage.setItem('tractus.backup', t), backupOf([{
    path: '/persist/history.json', generation: older, state: 'whole', text: emptyHistory }]));
  await reloadPage(page);
  s = await state(page);
  assert.equal(s.saved.history_digest, kept.saved.history_digest, 'an older backup never overwrites');
  assert.equal(s.saved.trainee, kept.saved.trainee);
  assert.equal(s.saved.storage_message, '');
  assert.equal(await backupItem(page), null);
  await page.close();
});

// one valid history entry (the history file's schema, web/src/history_format.h)
const entry = (id) => ({
  id, scenario: 'routine-lumbar-l45', title: 'Routine lumbar L4-5', mode: 'practice', score: 85,
  passed: true, critical_errors: 0, finished_at: '2026-11-02T10:00:00.000Z',
});

test('a history too big for the backup keeps its newest sessions, and the load says what it could not keep', async () => {
  const page = await openPage(env.browser, env.url);
  await playOne(page);
  await waitForStored(page, '/persist/generations.json', true);
  const kept = await state(page);
  const gens = await generations(page);
  // the whole file had 4 sessions: the one IndexedDB holds, one lost, and the newest two
  const newest = JSON.stringify({ version: 2, trainee: '', sessions: [entry('s-new-1'), entry('s-new-2')] });
  await page.evaluate((t) => localStorage.setItem('tractus.backup', t), backupOf([{
    path: '/persist/history.json', generation: gens['/persist/history.json'] + 3, state: 'newest', text: newest,
    over: { total_sessions: 4 } }]));
  await reloadPage(page);
  const s = await state(page);
  assert.deepEqual(s.saved.history_ids, [...kept.saved.history_ids, 's-new-1', 's-new-2'],
    'every saved session is kept and the newest two are added after them');
  assert.equal(s.saved.storage_message, 'The page was left before its last save reached browser storage, and the ' +
    'history was too big for its backup: 2 newest sessions were restored, 1 could not be kept.');
  await waitForStored(page, '/persist/history.json', true);
  await page.waitForFunction(() => localStorage.getItem('tractus.backup') === null, null, { timeout: 20000 });
  await waitFrames(page, 3);
  await screenshot(page, 'storage-backup-newest.png');
  await page.close();
});
