// A reload mid-session loses nothing: the page asks before it is left, and the start screen
// then offers to resume the session, which replays its record to the moment it was left and
// carries on live. Driven through clicks and a real reload; state is read through the hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, screenshot, reloadPage } from './harness.mjs';

const SCENARIO = 'contraindication-aortic-aneurysm';  // first in the list: visible at 720 px
let env;

before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

/** Opens the scenario, screens, fits the harness, hands over the stop switch, types the console's
 *  fields when given (e.g. {'console.max_force': '40'}) and starts. */
async function startTreatment(page, fields = {}) {
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  await waitFrames(page, 3);  // the list lays itself out over its first frames
  await clickWidget(page, `scenario.${SCENARIO}`);
  await clickWidget(page, 'scenario.start_practice');
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'chart.header');
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  for (const [id, value] of Object.entries(fields)) {
    await clickWidget(page, id, 40);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await waitFrames(page, 3);
  }
  await clickWidget(page, 'console.start');
  return waitForState(page, (s) => s.state === 'TREATING' && s.t_s > 3, 'treatment to run for 3 s');
}

const reload = reloadPage;

test('a paused session resumes exactly where it was left', async () => {
  const page = await openPage(env.browser, env.url);
  // not the power-on defaults, so that the resumed console must show what the table runs
  await startTreatment(page, { 'console.max_force': '40', 'console.treatment': '12' });
  await clickWidget(page, 'toolbar.pause');
  await waitForState(page, (s) => s.paused, 'the pause');
  // the page saves the running session every second, paused or not
  await page.waitForTimeout(1500);
  const left = await state(page);
  assert.ok(left.saved.session_running);
  const asked = await reload(page);
  assert.deepEqual(asked, ['beforeunload'], 'leaving a running session asks first');

  const offered = await state(page);
  assert.equal(offered.screen, 'start');
  assert.ok(offered.saved.resume_offer, 'the start screen offers the session');
  assert.match(offered.saved.resume_offer.title, /vascular/);
  // paused, the session time does not move, so the save is exact (microsecond record times)
  // (session time: the table's clock less its power-on self-test)
  assert.ok(Math.abs(offered.saved.resume_offer.left_at_s - left.saved.live.t_s) < 1e-6,
    `offered at ${offered.saved.resume_offer.left_at_s} s, left at ${left.saved.live.t_s} s`);
  await screenshot(page, 'resume-offer.png');

  const t0 = Date.now();
  await clickWidget(page, 'start.resume');
  const resumed = await waitForState(page, (s) => s.screen === 'training' && s.saved.resumed, 'the resumed session');
  const replayMs = Date.now() - t0;
  // the replay rebuilt the same session: same time, same actions, same event timeline
  assert.ok(Math.abs(resumed.saved.resumed.at_s - left.saved.live.t_s) < 1e-6);
  assert.equal(resumed.saved.resumed.actions, left.saved.live.actions);
  assert.equal(resumed.saved.resumed.timeline_hash, left.saved.live.timeline_hash);
  assert.equal(resumed.saved.resume_offer, undefined, 'the offer is gone once taken');
  // the console shows the prescription the table runs, and the plot the session from its start
  assert.equal(left.console_max_force, 40);
  assert.equal(resumed.console_max_force, 40, 'the resumed console shows the running force');
  assert.equal(resumed.console_treatment_min, 12, 'and the running treatment time');
  assert.ok(resumed.plot_first_t_s >= 0 && resumed.plot_first_t_s < 1.0,
    `the plot starts at ${resumed.plot_first_t_s} s of a session left at ${left.saved.live.t_s} s`);
  assert.ok(resumed.plot_samples >= 10 * left.saved.live.t_s - 5, `${resumed.plot_samples} samples plotted`);
  // and it carries on live: still treating, the clock running and the time left falling
  const later = await waitForState(page, (s) => s.saved.live && s.saved.live.t_s > left.saved.live.t_s + 1.0,
    'the session clock to run on');
  assert.equal(later.state, 'TREATING');
  assert.ok(later.remaining_s < left.remaining_s, `remaining ${later.remaining_s} s, was ${left.remaining_s} s`);
  // the ramp goes on from the tension it had reached
  assert.ok(later.cord_tension_n > left.cord_tension_n,
    `the cord holds ${later.cord_tension_n} N, had ${left.cord_tension_n} N`);
  await screenshot(page, 'resume-resumed.png');
  console.log(`resume replayed ${left.t_s.toFixed(1)} s of session in ${replayMs} ms (click to training screen)`);

  // ending it leaves nothing to resume
  await clickWidget(page, 'toolbar.end_session');
  await waitForState(page, (s) => s.screen === 'debrief', 'the debrief');
  await page.waitForTimeout(1200);
  const ended = await reload(page);
  assert.deepEqual(ended, [], 'a finished session does not ask');
  assert.equal((await state(page)).saved.resume_offer, undefined);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a running session resumes from the moment the page was left, and Discard forgets it', async () => {
  const page = await openPage(env.browser, env.url);
  await startTreatment(page);
  const left = await state(page);
  const t0 = Date.now();
  await reload(page);
  const wallS = (Date.now() - t0) / 1000;
  const offer = (await state(page)).saved.resume_offer;
  assert.ok(offer, 'the start screen offers the session');
  // saved when the page was left (pagehide), so no earlier than the last read of the clock and
  // no later than that plus the wall time the reload took (at 1x the session clock never runs
  // faster than wall time); 1 ms for the rounding of the hook's numbers. Without the copy made
  // on the way out this fails: the last periodic save is up to a second older than the read
  const readS = left.saved.live.t_s;
  assert.ok(offer.left_at_s >= readS - 0.001 && offer.left_at_s <= readS + wallS + 0.001,
    `offered at ${offer.left_at_s} s; the clock read ${readS} s, then ${wallS} s passed`);
  console.log(`running: left at ${offer.left_at_s.toFixed(3)} s, last read ${readS.toFixed(3)} s`);
  await clickWidget(page, 'start.resume');
  const resumed = await waitForState(page, (s) => s.screen === 'training' && s.saved.resumed, 'the resumed session');
  assert.ok(Math.abs(resumed.saved.resumed.at_s - offer.left_at_s) < 1e-6);
  const later = await waitForState(page, (s) => s.saved.live && s.saved.live.t_s > offer.left_at_s + 0.5,
    'the clock to run on');
  assert.equal(later.state, 'TREATING');

  // left again and discarded: nothing is offered after the next reload
  await reload(page);
  assert.ok((await state(page)).saved.resume_offer);
  await clickWidget(page, 'start.discard_resume');
  await waitForState(page, (s) => !s.saved.resume_offer, 'the offer to go');
  await page.waitForTimeout(1200);
  await reload(page);
  assert.equal((await state(page)).saved.resume_offer, undefined, 'a discarded session is not offered again');
  assert.deepEqual(page.errors, []);
  await page.close();
});
