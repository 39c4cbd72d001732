// The first end-to-end slice in a real browser: page load, a non-blank 3D view, static
// traction started from the console reaching its set force, and the patient stop switch
// releasing it. Assertions read state only through the page's read-only hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodePng, distinctColours } from './png.mjs';
import { launch, openPage, state, waitForState, clickWidget, screenshot, screenshotDir } from './harness.mjs';

const N_PER_LBF = 4.44822162;
let env, page;

before(async () => {
  env = await launch();
  page = await openPage(env.browser, env.url);
});
after(async () => { if (env) await env.close(); });

test('the page loads with no console errors and shows the start screen', async () => {
  const s = await state(page);
  assert.equal(s.ready, true);
  assert.equal(s.start_screen, true);
  await screenshot(page, 'start-screen.png');
  assert.deepEqual(page.errors, []);
});

test('the 3D view is not blank', async () => {
  await clickWidget(page, 'start.continue');
  await waitForState(page, (s) => !s.start_screen, 'the console to open');
  await page.waitForTimeout(500);
  const file = await screenshot(page, 'console-idle.png');
  const img = decodePng(fs.readFileSync(file));
  // the 3D view is the area left of the console; a blank canvas has one or two colours
  const colours = distinctColours(img, 0, 60, Math.floor(img.width * 0.6), img.height - 60);
  assert.ok(colours > 40, `only ${colours} distinct colours in the 3D view`);
  const s = await state(page);
  assert.ok(s.scene_draw_calls > 20, `scene issued ${s.scene_draw_calls} draw calls`);
});

test('Start brings the measured force within 5% of the set force', async () => {
  await waitForState(page, (s) => s.state === 'IDLE', 'the self-test to finish');
  // type a new maximum force: 60 lbf
  await clickWidget(page, 'console.max_force', 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.confirm_harness');
  await waitForState(page, (s) => s.harness_confirmed, 'the harness confirmation');
  await clickWidget(page, 'console.start');
  const treating = await waitForState(page, (s) => s.state === 'TREATING', 'treatment to start');
  const set_n = 60 * N_PER_LBF;
  assert.ok(Math.abs(treating.prescribed_force_n - set_n) < 0.01 * set_n,
            `prescribed ${treating.prescribed_force_n} N, typed 60 lbf = ${set_n.toFixed(1)} N`);
  const held = await waitForState(
    page, (s) => Math.abs(s.measured_force_n - set_n) <= 0.05 * set_n && s.t_s > 30,
    'the force to reach the set force');
  assert.ok(Math.abs(held.cord_tension_n - set_n) <= 0.05 * set_n,
            `twin cord tension ${held.cord_tension_n} N against ${set_n} N`);
  await screenshot(page, 'console-treating.png');
  assert.deepEqual(page.errors, []);
});

test('the patient stop switch releases the force to 15 N or less', async () => {
  // at 1x the hook's frame-by-frame samples bound the release time to within a frame
  await clickWidget(page, 'toolbar.speed_1');
  await clickWidget(page, 'patient.stop_switch');
  const pressed = await waitForState(page, (s) => s.state === 'PATIENT STOP', 'the patient stop');
  const released = await waitForState(page, (s) => s.cord_tension_n <= 15 && s.measured_force_n <= 15,
                                      'the release to 15 N');
  const took_s = released.t_s - released.stop_tap_t_s;
  assert.ok(released.stop_tap_t_s > 0 && took_s < 1.0, `release took ${took_s} s simulated`);
  assert.equal(pressed.buzzer, true);
  await page.waitForTimeout(600);
  await screenshot(page, 'console-patient-stop.png');
  const s = await state(page);
  fs.writeFileSync(path.join(screenshotDir, 'frame-metrics.json'),
                   JSON.stringify({ frame_ms: s.frame_ms, frames: s.frames,
                                    first_frame_ms: await page.evaluate(() => window.tractus.firstFrameMs()),
                                    renderer: await page.evaluate(() => window.tractus.renderer()) }, null, 2));
  assert.deepEqual(page.errors, []);
});

test('an emergency stop under traction holds the pull until Release tension takes it off', async () => {
  // issue 11: 60 lbf, EMERGENCY STOP, released, acknowledged went IDLE with 54.6 lbf on the cord,
  // raised 203 ("re-tare") and left only "Reset table"
  await clickWidget(page, 'console.acknowledge');  // the patient stop of the test before
  await waitForState(page, (s) => s.state === 'READY', 'the table ready again');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  const set_n = 60 * N_PER_LBF;
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 0.95 * set_n,
                     'the force back at the set force');
  await clickWidget(page, 'console.emergency_stop');
  await waitForState(page, (s) => s.state === 'EMERGENCY STOP' && s.alarm_code === 301, 'the emergency stop');
  await clickWidget(page, 'console.emergency_stop');  // the button turned back up
  await clickWidget(page, 'console.acknowledge');
  const held = await waitForState(page, (s) => s.state === 'TENSION HELD', 'the tension held for a release');
  assert.equal(held.alarm_code, 111);
  assert.ok(held.cord_tension_n > 0.8 * set_n, `the brake holds ${held.cord_tension_n} N`);
  // held, not at rest: 5 simulated seconds on, no 203 and still held
  const later = await waitForState(page, (s) => s.t_s > held.t_s + 5, '5 s held');
  assert.equal(later.state, 'TENSION HELD');
  assert.notEqual(later.alarm_code, 203);
  await screenshot(page, 'console-tension-held.png');
  await clickWidget(page, 'console.release_tension');
  await waitForState(page, (s) => s.state === 'RELEASING' || s.state === 'COMPLETE', 'the release');
  const done = await waitForState(page, (s) => s.state === 'COMPLETE', 'the release to finish');
  assert.ok(done.cord_tension_n < 10, `cord at ${done.cord_tension_n} N after the release`);
  assert.deepEqual(page.errors, []);
});
