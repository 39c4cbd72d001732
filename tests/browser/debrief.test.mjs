// The debrief's replay and exports, through UI clicks alone: a careless trainee treats the
// osteoporotic patient for a while, and the debrief replays the session in 3D with a scrubber
// and plots; the report downloads as JSON and as a printable page that agree with the screen;
// the session record downloads, and opening it from the scenario list replays it to the same
// score. State is read only through the read-only hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, state, waitForState, waitForWidget, clickWidget, waitFrames, screenshot, screenshotDir, download, replayRecord } from './harness.mjs';

const SCENARIO = 'contraindication-osteoporosis';
let env;

before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

test('the debrief replays the session and exports a report and a record that replays', async () => {
  const page = await openPage(env.browser, env.url);
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  await clickWidget(page, 'toolbar.speed_60');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING', 'treatment to start');
  // run well into the hold so the film has a pull to show
  const treating = await state(page);
  await waitForState(page, (s) => s.t_s > treating.t_s + 60, 'a minute of treatment', 120000);
  await clickWidget(page, 'toolbar.end_session');
  const s = await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  assert.equal(s.passed, false);

  // the film is prepared a slice per frame; the page keeps drawing meanwhile
  const ready = await waitForState(page, (x) => x.film_progress === 1, 'the 3D replay', 120000);
  assert.ok(ready.film_frames >= 4 * ready.film_end_s, `a frame every 250 ms: ${ready.film_frames} for ${ready.film_end_s} s`);
  assert.equal(ready.debrief_t_s, 0, 'the replay opens at the start');

  // seek by clicking the scrubber at 70% of its width
  const bar = await waitForWidget(page, 'debrief.scrubber');
  await page.mouse.click(bar.x + 0.7 * bar.w, bar.y + 10);
  await waitFrames(page, 3);
  const sought = await state(page);
  assert.ok(Math.abs(sought.debrief_t_s - 0.7 * ready.film_end_s) < 0.02 * ready.film_end_s + 0.5,
            `seek to 70%: ${sought.debrief_t_s} of ${ready.film_end_s} s`);
  await screenshot(page, 'debrief-replay.png');
  await clickWidget(page, 'debrief.tab.timeline');
  await screenshot(page, 'debrief-timeline.png');

  // the report as JSON agrees with the screen
  const json = await download(page, 'debrief.export_json');
  assert.match(json.name, /^tractus-contraindication-osteoporosis-report\.json$/);
  const report = JSON.parse(json.text);
  assert.equal(report.scenario, SCENARIO);
  assert.equal(report.score, s.score);
  assert.equal(report.passed, false);
  assert.equal(report.critical_errors.length, s.critical_errors);
  assert.ok(report.series.force_lbf.length > 100, 'the plotted series come with the report');
  // the printable page says the same
  const html = await download(page, 'debrief.export_html');
  assert.match(html.name, /\.html$/);
  assert.ok(html.text.startsWith('<!DOCTYPE html>'));
  assert.ok(html.text.includes('>FAIL<'));
  for (const c of report.critical_errors) assert.ok(html.text.includes('Critical errors'), c.id);
  fs.writeFileSync(`${process.env.TRACTUS_SCREENSHOT_DIR || '.'}/debrief-report.html`, html.text);
  // the session record
  const rec = await download(page, 'debrief.export_record');
  const record = JSON.parse(rec.text);
  assert.equal(record.scenario.id, SCENARIO);

  // open the record from the scenario list: it replays into the same debrief
  const replayed = await replayRecord(page, rec.text, 'debrief-record.json');
  const recordFile = `${screenshotDir}/debrief-record.json`;
  assert.equal(replayed.score, s.score, 'the record replays to the recorded score');
  assert.equal(replayed.critical_errors, s.critical_errors);
  await waitFrames(page, 3);
  await screenshot(page, 'debrief-opened-record.png');

  // a file that is not a record says so and changes nothing
  const bad = `${process.env.TRACTUS_SCREENSHOT_DIR || '.'}/not-a-record.json`;
  fs.writeFileSync(bad, '{"format": "tractus-record", "seed": "x"}');
  await clickWidget(page, 'debrief.back');
  await waitForState(page, (x) => x.screen === 'scenarios', 'the scenario list');
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'scenario.open_record')]);
  await chooser2.setFiles(bad);
  await waitFrames(page, 5);
  const after = await state(page);
  assert.equal(after.screen, 'scenarios');
  assert.ok(after.history_size >= 1);
  await waitForWidget(page, 'scenarios.message');
  await screenshot(page, 'scenarios-bad-record.png');
  // a 12 MiB file goes to the trainer on the heap and is refused by its size: on the stack that
  // ccall copies strings to (5 MiB) it used to abort the page
  const huge = `${process.env.TRACTUS_SCREENSHOT_DIR || '.'}/huge-record.json`;
  fs.writeFileSync(huge, '{"format": "tractus-record", "pad": "' + 'x'.repeat(12 * 1024 * 1024) + '"}');
  const [chooserHuge] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'scenario.open_record')]);
  await chooserHuge.setFiles(huge);
  await waitFrames(page, 5);
  const afterHuge = await state(page);
  assert.equal(afterHuge.screen, 'scenarios', 'a huge record leaves the list on screen');
  await waitForWidget(page, 'scenarios.message');
  fs.rmSync(huge);
  // a later success clears it: the message must not outlive the record that opened fine
  const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'scenario.open_record')]);
  await chooser3.setFiles(recordFile);
  await waitForState(page, (x) => x.screen === 'debrief' && x.film_progress === 1, 'the replayed debrief', 120000);
  await clickWidget(page, 'debrief.back');
  await waitForState(page, (x) => x.screen === 'scenarios', 'the scenario list');
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.tractus.widget('scenarios.message')), null,
               'the failed import\'s message stays after a later success');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a course of care is played a session at a time, from one debrief to the next session', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=course-lumbar-progression`);
  const first = await waitForState(page, (s) => s.screen === 'training' && s.course, 'the first course session');
  assert.equal(first.course.sessions, 12);
  assert.equal(first.course.finished, 0);
  // the trainee sends the patient home untreated: the session ends and the course moves on
  await clickWidget(page, 'toolbar.end_session');
  const debrief = await waitForState(page, (s) => s.screen === 'debrief' && s.film_progress === 1, 'the debrief');
  assert.equal(debrief.course.finished, 1);
  assert.equal(debrief.course.done, false);
  await waitForWidget(page, 'debrief.course');
  await screenshot(page, 'debrief-course.png');
  await clickWidget(page, 'debrief.next_session');
  const second = await waitForState(page, (s) => s.screen === 'training', 'the second session');
  assert.equal(second.course.finished, 1);
  assert.equal(second.t_s < 5, true, 'a fresh session');
  await screenshot(page, 'training-course-session-2.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});
