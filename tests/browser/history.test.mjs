// Importing history never destroys data: a corrupt, an oversized and a hostile file leave the
// saved history byte for byte as it was; a valid file merges by session id, adding new
// sessions and skipping those already saved, and replaces nothing saved without a tick; long
// titles stay on one line; a history row opens its debrief. Files go in through the page's own
// file chooser and come out through its Export button; state is read only through the hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, screenshot, pickHistoryFile } from './harness.mjs';

let env;
let dir;

before(async () => {
  env = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-history-'));
});
after(async () => {
  if (env) await env.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const SCENARIO = 'contraindication-osteoporosis';

// one valid history entry; `over` changes or adds fields
const entry = (id, over = {}) => ({
  id, scenario: 'routine-lumbar-l45', title: 'Routine lumbar L4-5', mode: 'practice', score: 85,
  passed: true, critical_errors: 0, finished_at: '2026-11-02T10:00:00.000Z', ...over,
});
const historyFile = (sessions, trainee = 'Ana') => JSON.stringify({ version: 2, trainee, sessions }, null, 1);

/** Picks a file through the page's Import button and its file chooser; waits until the page
 *  has read it and returns the state then. */
async function importFile(page, name, contents) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  return pickHistoryFile(page, file);
}

/** Downloads the history through the page's Export button; returns the file's bytes. */
async function exportHistory(page) {
  const download = page.waitForEvent('download');
  await clickWidget(page, 'start.export');
  return fs.readFileSync(await (await download).path());
}

/** Accepts (or cancels) the import preview and waits for it to close. */
async function answer(page, widget) {
  await clickWidget(page, widget);
  const s = await waitForState(page, (x) => !x.saved.import_preview, 'the import preview to close');
  await waitFrames(page, 3);
  return s;
}

test('a corrupt, an oversized and a hostile file leave the saved history as it was', async () => {
  const page = await openPage(env.browser, env.url);
  await importFile(page, 'seed.json', historyFile([entry('s-seed-1'), entry('s-seed-2', { score: 40, passed: false })]));
  await answer(page, 'import.accept');
  const saved = await state(page);
  assert.deepEqual(saved.saved.history_ids, ['s-seed-1', 's-seed-2']);
  const bytes = await exportHistory(page);

  // each file is refused as a whole, with the limit or the field named, and writes nothing
  const deep = '{"version":2,"sessions":[' + '['.repeat(40) + ']'.repeat(40) + ']}';
  const tooMany = historyFile(Array.from({ length: 1001 }, (_, i) => entry(`s-many-${i}`)));
  const oversized = '{"version":2,"sessions":[],"pad":"' + 'x'.repeat(17 * 1024 * 1024) + '"}';
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const wholeFile = [
    ['truncated.json', historyFile([entry('s-new')]).slice(0, 60), /not a history file \(invalid JSON/],
    ['garbage.json', garbage, /not a history file/],
    ['oversized.json', oversized, /the file is 17\.0 MiB; the limit is 16\.0 MiB/],
    ['too-many.json', tooMany, /holds 1001 sessions; the limit is 1000 a file/],
    ['deep.json', deep, /more than 32 deep/],
    ['version.json', JSON.stringify({ version: 99, sessions: [] }), /\$\.version/],
    ['long-name.json', historyFile([entry('s-new')], 'N'.repeat(300)), /\$\.trainee: is 300 bytes long; the limit is 63/],
  ];
  for (const [name, contents, why] of wholeFile) {
    const s = await importFile(page, name, contents);
    assert.equal(s.saved.import_preview, undefined, `${name}: no preview for a refused file`);
    assert.match(s.saved.storage_message, why, `${name}: ${s.saved.storage_message}`);
    assert.match(s.saved.storage_message, /Your history is unchanged/);
    assert.equal(s.saved.history_digest, saved.saved.history_digest, `${name} changed the history`);
  }
  await screenshot(page, 'history-import-refused-file.png');

  // hostile values: every entry refused with its field and reason, nothing added
  const hostile = [
    entry('s-h0', { score: 1e308 }),
    entry('s-h1', { title: 'T'.repeat(300) }),
    entry('s-h2', { score: -1 }),
    entry('s-h3', { critical_errors: 'many' }),
    entry('s-h4', { passed: true, critical_errors: 2 }),
    entry('s-h5', { mode: 'admin' }),
    entry('s-h6', { finished_at: 'yesterday' }),
    entry('../../etc/passwd'),
    entry('s-h8', { __proto__x: 1 }),
    entry('s-h9', { title: 'bell\u0007' }),
    entry('s-h10', { record: {} }),
    'not an entry',
    entry('s-h12', { scenario: 'Bad Id!' }),
    entry('s-seed-1', { score: NaN }),  // JSON.stringify writes null
  ];
  const s = await importFile(page, 'hostile.json', historyFile(hostile));
  const p = s.saved.import_preview;
  assert.ok(p, 'the hostile file is previewed, not written');
  assert.equal(p.adding, 0);
  const expected = [
    /^\$\.sessions\[0\]\.score: must be between 0 and 100/,
    /^\$\.sessions\[1\]\.title: is 300 bytes long; the limit is 160/,
    /^\$\.sessions\[2\]\.score: must be between 0 and 100/,
    /^\$\.sessions\[3\]\.critical_errors: must be a whole number from 0 to 100/,
    /^\$\.sessions\[4\]\.passed: cannot be true for a session with critical errors/,
    /^\$\.sessions\[5\]\.mode: must be practice or assessment/,
    /^\$\.sessions\[6\]\.finished_at: must be a UTC time/,
    /^\$\.sessions\[7\]\.id: may hold only letters, digits/,
    /^\$\.sessions\[8\]\.__proto__x: is not a field of a history entry/,
    /^\$\.sessions\[9\]\.title: contains a control character/,
    /^\$\.sessions\[10\]\.record: /,
    /^\$\.sessions\[11\]: must be an object/,
    /^\$\.sessions\[12\]\.scenario: may hold only lower-case letters/,
    /^\$\.sessions\[13\]\.score: must be a number/,
  ];
  assert.equal(p.refused.length, expected.length, JSON.stringify(p.refused));
  expected.forEach((re, i) => assert.match(p.refused[i], re));
  await screenshot(page, 'history-import-errors.png');
  const closed = await answer(page, 'import.cancel');
  assert.equal(closed.saved.history_digest, saved.saved.history_digest, 'the hostile file changed the history');
  assert.match(closed.saved.history_notice, /cancelled: your history is unchanged/);
  assert.ok(Buffer.compare(await exportHistory(page), bytes) === 0, 'the exported history differs byte for byte');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a valid file merges by session id: new sessions added, saved ones skipped, nothing replaced unasked', async () => {
  const page = await openPage(env.browser, env.url);
  await importFile(page, 'seed.json', historyFile([entry('s-a'), entry('s-b', { score: 60, passed: false })], 'Ana'));
  const seeded = await answer(page, 'import.accept');
  assert.equal(seeded.saved.trainee, 'Ana', 'an empty saved name takes the file\'s by default');
  const seedBytes = JSON.parse((await exportHistory(page)).toString());

  const incoming = historyFile([
    entry('s-a'),                                               // identical: skipped
    entry('s-b', { score: 95, passed: true }),                  // same id, different: kept as saved
    entry('s-c', { title: 'Fracture screening', scenario: 'contraindication-fracture' }),  // new
    entry('s-d', { scenario: 'no-such-scenario', title: 'From another trainer' }),  // new, unknown scenario
    entry('s-e', { score: 1e308 }),                             // refused; the rest still imports
  ], 'Bob');
  let s = await importFile(page, 'merge.json', incoming);
  let p = s.saved.import_preview;
  assert.deepEqual([p.adding, p.skipping, p.differing, p.refused.length, p.unknown_scenarios, p.trainee_differs],
    [2, 1, 1, 1, 1, true], JSON.stringify(p));
  assert.equal(s.saved.history_digest, seeded.saved.history_digest, 'a preview writes nothing');
  await screenshot(page, 'history-import-confirm.png');
  s = await answer(page, 'import.accept');
  assert.deepEqual(s.saved.history_ids, ['s-a', 's-b', 's-c', 's-d']);
  assert.equal(s.saved.trainee, 'Ana', 'the saved name is kept without a tick');
  assert.match(s.saved.history_notice, /Imported 2 session\(s\); skipped 2 already saved; refused 1\./);
  const merged = JSON.parse((await exportHistory(page)).toString());
  assert.deepEqual(merged.sessions.slice(0, 2), seedBytes.sessions, 'saved sessions are untouched');
  assert.equal(merged.sessions[3].scenario, 'no-such-scenario');
  await screenshot(page, 'history-merged.png');

  // the same file again adds nothing
  s = await importFile(page, 'merge-again.json', incoming);
  p = s.saved.import_preview;
  assert.deepEqual([p.adding, p.skipping, p.differing], [0, 3, 1]);
  s = await answer(page, 'import.cancel');
  assert.deepEqual(s.saved.history_ids, ['s-a', 's-b', 's-c', 's-d']);

  // replacing takes an explicit tick for each kind
  await importFile(page, 'merge-replace.json', incoming);
  await clickWidget(page, 'import.replace_trainee', 10);
  await clickWidget(page, 'import.replace_differing', 10);
  s = await answer(page, 'import.accept');
  assert.equal(s.saved.trainee, 'Bob');
  const replaced = JSON.parse((await exportHistory(page)).toString());
  assert.equal(replaced.sessions[1].score, 95, 'the ticked replacement is taken');
  assert.deepEqual(s.saved.history_ids, ['s-a', 's-b', 's-c', 's-d']);
  // a reload reads back exactly what was written
  await page.waitForTimeout(1000);
  await page.reload();
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const reloaded = await state(page);
  assert.equal(reloaded.saved.history_digest, s.saved.history_digest, 'the history survives a reload unchanged');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('long titles stay on one line: the Export and Import buttons do not move', async () => {
  const page = await openPage(env.browser, env.url);
  const sessions = (title) => Array.from({ length: 6 }, (_, i) => entry(`s-${title.length}-${i}`, { title }));
  await importFile(page, 'short.json', historyFile(sessions('Short')));
  await answer(page, 'import.accept');
  const short = await page.evaluate(() => window.tractus.widget('start.export'));
  // the longest title the schema takes, in the widest letters
  await importFile(page, 'long.json', historyFile(sessions('W'.repeat(160))));
  await answer(page, 'import.accept');
  await page.waitForTimeout(200);
  const long = await page.evaluate(() => window.tractus.widget('start.export'));
  const row = await page.evaluate(() => window.tractus.widget('start.history.row.11'));
  const list = await page.evaluate(() => window.tractus.widget('start.history'));
  await screenshot(page, 'history-long-title.png');
  // a history list scrolls after four rows, whatever their titles
  assert.equal(long.y, short.y, `Export moved from y ${short.y} to ${long.y}`);
  assert.ok(long.y + long.h <= 720, `Export is off screen at y ${long.y}`);
  assert.ok(row.w <= list.w + 1, `a row is ${row.w} px wide in a ${list.w} px list`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a history row opens its debrief, in this browser and after export and import into another', async () => {
  const page = await openPage(env.browser, env.url);
  await clickWidget(page, 'start.training');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'chart.header');
  await clickWidget(page, 'toolbar.end_session');
  const played = await waitForState(page, (s) => s.screen === 'debrief', 'the debrief');
  await clickWidget(page, 'toolbar.home');
  await waitForState(page, (s) => s.screen === 'start', 'the start screen');
  await waitFrames(page, 3);  // the start screen sizes itself to its contents over its first frames
  const exported = await exportHistory(page);
  await clickWidget(page, 'start.history.row.0');
  let s = await waitForState(page, (x) => x.screen === 'debrief' && x.film_progress === 1 && x.score !== undefined,
    'the replayed debrief');
  assert.equal(s.score, played.score, 'the replay reproduces the saved score');
  assert.ok(s.film_frames > 0);

  const other = await openPage(env.browser, env.url);
  const file = path.join(dir, 'exported.json');
  fs.writeFileSync(file, exported);
  await importFile(other, 'exported.json', exported);
  s = await answer(other, 'import.accept');
  assert.equal(s.history_size, 1);
  await clickWidget(other, 'start.history.row.0');
  s = await waitForState(other, (x) => x.screen === 'debrief' && x.film_progress === 1 && x.score !== undefined,
    'the imported session\'s debrief');
  assert.equal(s.score, played.score);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
  await page.close();
  await other.close();
});
