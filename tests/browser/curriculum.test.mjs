// The built-in curriculum on the start screen (issue 18, item 4): its progress read from the
// history, the next step's assessment opened from it, a failure sending the trainee to the
// remedial case (opened in practice) before the retry, and the progress travelling with an
// exported history into another browser. The rules themselves are tested natively
// (tests/scenarios/curriculum_test.cpp).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, screenshot, pickHistoryFile } from './harness.mjs';

let env;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-curriculum-'));
before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const entry = (id, scenario, mode, passed, critical, at) => ({
  id, scenario, title: scenario, mode, score: passed ? 92 : 35, passed, critical_errors: critical, finished_at: at,
});
const historyFile = (sessions) => JSON.stringify({ version: 2, trainee: 'Ana', sessions });

async function importFile(page, name, contents) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  await pickHistoryFile(page, file);
  await clickWidget(page, 'import.accept');
  await waitForState(page, (x) => !x.saved.import_preview, 'the import preview to close');
  await waitFrames(page, 3);
  return state(page);
}

async function openFromCurriculum(page) {
  await clickWidget(page, 'start.curriculum.open');
  await waitForState(page, (s) => s.screen === 'training', 'the curriculum\'s case');
  await waitFrames(page, 3);
  const hinted = await page.evaluate(() => window.tractus.widget('chart.hint') !== null);
  const s = await state(page);
  await clickWidget(page, 'toolbar.home');
  await waitForState(page, (x) => x.screen === 'start', 'the start screen');
  await waitFrames(page, 3);
  return { s, hinted };
}

test('the curriculum leads from an assessment through a remediation, and travels with the history', async () => {
  const page = await openPage(env.browser, env.url);
  let s = await state(page);
  assert.deepEqual([s.curriculum.steps, s.curriculum.mastered, s.curriculum.next, s.curriculum.next_scenario],
                   [11, 0, 'step', 'routine-lumbar-l45']);
  await screenshot(page, 'curriculum-start.png');
  // the next step opens as an assessment: no hints
  let opened = await openFromCurriculum(page);
  assert.equal(opened.s.saved.session_running, true);
  assert.equal(opened.hinted, false, 'a curriculum step opens as an assessment, without hints');

  // step 1 mastered, step 2 failed with a critical error: the remedial case comes first
  s = await importFile(page, 'failed.json', historyFile([
    entry('s-c-1', 'routine-lumbar-l45', 'assessment', true, 0, '2026-12-01T09:00:00.000Z'),
    entry('s-c-2', 'routine-l5s1-sciatica', 'assessment', false, 1, '2026-12-02T09:00:00.000Z'),
  ]));
  assert.equal(s.curriculum.mastered, 1);
  assert.equal(s.curriculum.mastered_at[0], '2026-12-01T09:00:00.000Z');
  assert.equal(s.curriculum.next, 'remedial');
  assert.equal(s.curriculum.next_scenario, 'routine-lumbar-l45', 'the remedial case of step 2');
  await screenshot(page, 'curriculum-remedial.png');
  await clickWidget(page, 'start.curriculum.steps');
  await waitFrames(page, 4);
  await screenshot(page, 'curriculum-steps.png');
  await page.keyboard.press('Escape');
  await waitFrames(page, 3);
  opened = await openFromCurriculum(page);
  assert.equal(opened.hinted, true, 'the remedial case opens in practice, with its hints');
  // the scenario list says a retry of the step would not count yet
  await clickWidget(page, 'start.training');
  await waitForState(page, (x) => x.screen === 'scenarios', 'the scenario list');
  // the assessment list (no category lines) shows every scenario without scrolling
  await clickWidget(page, 'scenario.mode_assessment');
  await clickWidget(page, 'scenario.routine-l5s1-sciatica');
  await waitFrames(page, 3);
  assert.ok(await page.evaluate(() => window.tractus.widget('scenario.curriculum_note')), 'the list warns of the owed remedial case');
  await screenshot(page, 'curriculum-list-note.png');
  await clickWidget(page, 'scenario.contraindication-osteoporosis');
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.tractus.widget('scenario.curriculum_note')), null, 'other scenarios carry no note');
  await clickWidget(page, 'toolbar.home');
  await waitForState(page, (x) => x.screen === 'start', 'the start screen');
  await waitFrames(page, 3);

  // a retry before the remedial case does not count; the remedial case passed opens the retry
  s = await importFile(page, 'remedied.json', historyFile([
    entry('s-c-3', 'routine-l5s1-sciatica', 'assessment', true, 0, '2026-12-02T10:00:00.000Z'),
    entry('s-c-4', 'routine-lumbar-l45', 'practice', true, 0, '2026-12-03T09:00:00.000Z'),
  ]));
  assert.equal(s.curriculum.mastered, 1, 'the early retry did not count');
  assert.deepEqual([s.curriculum.next, s.curriculum.next_scenario], ['step', 'routine-l5s1-sciatica']);
  // four history rows and the curriculum still fit a 1280x720 window
  const panel = await page.evaluate(() => [window.tractus.widget('start.curriculum.progress'), window.tractus.widget('start.export')]);
  assert.ok(panel[0].y >= 0 && panel[1].y + panel[1].h <= 720, `the start screen overflows: ${JSON.stringify(panel)}`);
  await screenshot(page, 'curriculum-retry.png');

  // the progress is the history's: exported and imported into another browser, it is the same
  const download = page.waitForEvent('download');
  await clickWidget(page, 'start.export');
  const exported = fs.readFileSync(await (await download).path(), 'utf8');
  const other = await openPage(env.browser, env.url);
  const again = await importFile(other, 'exported.json', exported);
  assert.deepEqual(again.curriculum, s.curriculum);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
  await other.close();
  await page.close();
});
