// A short training scenario completed through UI clicks alone: the expert screens the patient,
// finds the osteoporosis and declines, and passes; a careless trainee treats and fails with the
// critical error the scenario is about. State is read only through the read-only hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitForWidget, waitFrames, clickWidget, screenshot,
         screenAndDeclineOsteoporosis } from './harness.mjs';

const SCENARIO = 'contraindication-osteoporosis';
let env;

before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

async function openScenario(page) {
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
}

async function choose(page, combo, item) {
  await clickWidget(page, combo);
  await clickWidget(page, item);
}

test('an expert screens, declines for osteoporosis and passes', async () => {
  const page = await openPage(env.browser, env.url);
  await openScenario(page);
  await screenAndDeclineOsteoporosis(page);
  await screenshot(page, 'training-declined-chart.png');
  await clickWidget(page, 'chart.note', 20);
  await page.keyboard.type('Traction declined: osteoporosis. Referred back to the GP.');
  await clickWidget(page, 'chart.add_note');
  await screenshot(page, 'training-declined.png');
  await clickWidget(page, 'toolbar.end_session');
  const s = await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  await page.waitForTimeout(400);
  await screenshot(page, 'training-debrief-pass.png');
  assert.equal(s.passed, true, `expert run failed: score ${s.score}, ${s.critical_errors} critical errors`);
  assert.ok(s.score >= 80, `expert score ${s.score}`);
  assert.equal(s.critical_errors, 0);
  assert.equal(s.history_size, 1, 'the finished session is saved');
  // a reload keeps the history (IndexedDB through IDBFS)
  await page.waitForTimeout(1000);
  await page.reload();
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const after = await state(page);
  assert.equal(after.history_size, 1, 'history survives a reload');
  await waitForState(page, (x) => x.frames > 3, 'a few frames');
  await screenshot(page, 'start-with-history.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a careless trainee who treats the osteoporotic patient fails', async () => {
  const page = await openPage(env.browser, env.url);
  await openScenario(page);
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING', 'treatment to start');
  await page.waitForTimeout(1500);
  await screenshot(page, 'training-careless-treating.png');
  await clickWidget(page, 'toolbar.end_session');
  const s = await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  await page.waitForTimeout(400);
  await screenshot(page, 'training-debrief-fail.png');
  assert.equal(s.passed, false);
  assert.ok(s.critical_errors >= 1, 'treating a contraindicated patient is a critical error');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// issue 11, section 3: the console's "Confirm harnesses fitted" is not the bedside fit. Started
// on it alone, the pull meets an unfastened harness: it slips, the table stops with the badge
// reading HARNESS SLIP (not PATIENT STOP), the patient speaks, and the session fails.
test('a console confirmation alone fits no harness: it slips and the session fails', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=routine-lumbar-l45`);
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'patient.give_stop_switch');
  await clickWidget(page, 'console.confirm_harness');
  const confirmed = await waitForState(page, (s) => s.harness_confirmed, 'the console confirmation');
  assert.equal(confirmed.harness_fitted, false, 'the console confirmation fits nothing');
  const spoken = confirmed.speech_count;
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  const slipped = await waitForState(page, (s) => s.alarm_code === 108, 'the harness slip', 120000);
  await waitFrames(page, 3);
  const s = await state(page);
  assert.equal(s.state, 'HARNESS SLIP', `the badge during a slip reads ${s.state}`);
  assert.ok(s.speech_count > spoken, 'the patient says something when the strap slides');
  assert.ok(slipped.cord_tension_n < 150, `an unfastened strap never carries the pull: ${slipped.cord_tension_n} N`);
  await screenshot(page, 'training-harness-slip-badge.png');
  await clickWidget(page, 'toolbar.end_session');
  const d = await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  assert.equal(d.passed, false);
  assert.ok(d.critical_errors >= 1, 'starting without the bedside fit is a critical error');
  await waitForState(page, (x) => x.film_progress === 1, 'the 3D replay', 120000);
  await screenshot(page, 'training-debrief-unfitted.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// issue 11, section 3: a training session opens the console at the table's power-on defaults
test('each training session opens a fresh console: nothing carries over', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`);
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state !== 'SELF-TEST', 'the sandbox');
  const defaults = await state(page);
  // the sandbox's values: 100 lbf for 20 min
  for (const [id, value] of [['console.max_force', '100'], ['console.treatment', '20']]) {
    await clickWidget(page, id, 40);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await waitFrames(page, 3);
  }
  const edited = await state(page);
  assert.equal(edited.console_max_force, 100);
  assert.equal(edited.console_treatment_min, 20);
  // a scenario declined for an aortic aneurysm
  await clickWidget(page, 'toolbar.home');
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, 'scenario.contraindication-aortic-aneurysm');
  await clickWidget(page, 'scenario.start_practice');
  const first = await waitForState(page, (s) => s.screen === 'training', 'the first session');
  assert.equal(first.console_max_force, defaults.console_max_force, 'the sandbox force does not carry over');
  assert.equal(first.console_treatment_min, defaults.console_treatment_min, 'nor the sandbox time');
  await choose(page, 'chart.decline_reason', 'chart.decline.aortic_aneurysm');
  assert.equal((await state(page)).decline_reason, 'aortic_aneurysm');
  await clickWidget(page, 'chart.decline');
  await clickWidget(page, 'toolbar.end_session');
  await waitForState(page, (x) => x.screen === 'debrief', 'the debrief');
  await clickWidget(page, 'debrief.back');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, 'scenario.routine-lumbar-l45');
  await clickWidget(page, 'scenario.start_practice');
  const second = await waitForState(page, (s) => s.screen === 'training', 'the next session');
  assert.equal(second.decline_reason, defaults.decline_reason, 'the last decline reason does not carry over');
  assert.equal(second.console_max_force, defaults.console_max_force);
  assert.equal(second.console_treatment_min, defaults.console_treatment_min);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// issue 11, section 3: an assessment list gives nothing away; practice may show the category
test('the assessment list shows neither scenario ids nor categories', async () => {
  const page = await openPage(env.browser, env.url);
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await clickWidget(page, `scenario.${SCENARIO}`);
  await waitForWidget(page, `scenario.category.${SCENARIO}`);
  await waitForWidget(page, 'scenario.briefing_category');
  await clickWidget(page, 'scenario.mode_assessment');
  await waitFrames(page, 3);
  const shown = await page.evaluate((id) => [window.tractus.widget(`scenario.category.${id}`),
                                             window.tractus.widget('scenario.briefing_category'),
                                             window.tractus.widget('scenario.start_practice')], SCENARIO);
  assert.deepEqual(shown, [null, null, null], 'no category line and no practice start in assessment');
  await screenshot(page, 'scenarios-assessment.png');
  await clickWidget(page, 'scenario.start_assessment');
  await waitForState(page, (x) => x.screen === 'training', 'the assessment');
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.tractus.widget('chart.hint')), null, 'no hints in assessment');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// issue 11, section 1
test('in training an emergency stop under traction is released with Release tension', async () => {
  // issue 11: the e-stop, released and acknowledged, holds the pull (TENSION HELD) until the
  // console's Release tension, which the session takes as the trainee's release_tension
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=routine-lumbar-l45`);
  await waitForState(page, (s) => s.screen === 'training' && s.state === 'IDLE', 'the training table');
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 100, 'traction under way');
  await clickWidget(page, 'patient.emergency_stop');
  await waitForState(page, (s) => s.state === 'EMERGENCY STOP', 'the emergency stop');
  await clickWidget(page, 'patient.emergency_stop');  // turned back up
  await clickWidget(page, 'console.acknowledge');
  const held = await waitForState(page, (s) => s.state === 'TENSION HELD', 'the tension held');
  assert.ok(held.cord_tension_n > 80, `the brake holds ${held.cord_tension_n} N`);
  await screenshot(page, 'training-tension-held.png');
  await clickWidget(page, 'console.release_tension');
  const done = await waitForState(page, (s) => s.state === 'COMPLETE', 'the release to finish');
  assert.ok(done.cord_tension_n < 10, `cord at ${done.cord_tension_n} N after the release`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
