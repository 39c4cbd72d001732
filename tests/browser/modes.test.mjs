// The trainer's four modes from the page URL, the patient education tour walked with the
// buttons and with the keyboard, and the unattended sales demo run for ten simulated minutes at
// 60x: it loops, shows the patient stop and a caught fault, and never holds an unsafe force.
// State is read only through the read-only hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, waitForWidget, screenshot } from './harness.mjs';

// the patient stop's release floor and the over-force bound (DESIGN.md section 4; hazards 11)
const STOP_FLOOR_N = 15;
const OVER_FORCE_RATIO = 1.10;
// the patient stop must let go within a second of simulated time (as browser.e2e asserts)
const STOP_RELEASE_MAX_S = 1.0;
const RUNAWAY_ALARM = 312;

let env;
before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

test('each mode opens from the URL with no console errors', async () => {
  const modes = [['train', 'scenarios'], ['sandbox', 'sandbox'], ['educate', 'educate'], ['demo', 'demo']];
  for (const [mode, screen] of modes) {
    const page = await openPage(env.browser, `${env.url}?mode=${mode}`);
    await waitForState(page, (s) => s.screen === screen, `the ${screen} screen`);
    await waitFrames(page, 5);
    assert.deepEqual(page.errors, [], `?mode=${mode}`);
    await page.close();
  }
});

test('the start screen offers the patient tour and the product demo', async () => {
  const page = await openPage(env.browser, env.url);
  await screenshot(page, 'start-modes.png');
  await clickWidget(page, 'start.educate');
  await waitForState(page, (s) => s.screen === 'educate' && s.education_step === 0, 'the tour');
  await page.keyboard.press('Escape');
  await waitForState(page, (s) => s.screen === 'start', 'back at the start');
  await clickWidget(page, 'start.demo');
  await waitForState(page, (s) => s.screen === 'demo' && s.demo.step_id === 'self_test', 'the demo');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// holds a key across frames, so a slow frame cannot miss a press and release that fall between
async function press(page, key) {
  await page.keyboard.down(key);
  await waitFrames(page, 2);
  await page.keyboard.up(key);
  await waitFrames(page, 1);
}

test('the education tour walks through every step with Next and shows the live twin', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=educate&speed=10`);
  const first = await waitForState(page, (s) => s.screen === 'educate', 'the tour');
  const count = first.education_steps;
  assert.ok(count >= 5, `the tour has ${count} steps`);
  let live = 0;
  for (let i = 0; i < count; ++i) {
    const s = await waitForState(page, (x) => x.education_step === i, `step ${i + 1}`);
    assert.equal(s.screen, 'educate');
    if (await page.evaluate(() => window.tractus.widget('educate.pull'))) {
      // the live step runs the twin: a gentle pull builds up and stays under its bound
      ++live;
      const pulled = await waitForState(page, (x) => x.state === 'TREATING' && x.measured_force_n > 150,
                                        'the gentle pull to build');
      assert.ok(pulled.cord_tension_n <= OVER_FORCE_RATIO * pulled.prescribed_force_n,
                `tension ${pulled.cord_tension_n} N against ${pulled.prescribed_force_n} N prescribed`);
    }
    await waitFrames(page, 2);
    await screenshot(page, `educate-step-${i + 1}.png`);
    await clickWidget(page, 'educate.next');
  }
  assert.equal(live, 1, 'one step shows the live twin');
  await waitForState(page, (s) => s.screen === 'start', 'Finish returns to the start');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the education tour answers the arrow keys and Escape (at 1024x768)', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=educate`, { width: 1024, height: 768 });
  const { education_steps: count } = await waitForState(page, (s) => s.screen === 'educate', 'the tour');
  await screenshot(page, 'educate-step-1-1024.png');
  for (let i = 1; i < count; ++i) {
    await press(page, 'ArrowRight');
    await waitForState(page, (s) => s.education_step === i, `step ${i + 1} by the right arrow`);
    await screenshot(page, `educate-step-${i + 1}-1024.png`);
  }
  await press(page, 'ArrowRight');  // the last step stays: only Finish or Escape leaves
  assert.equal((await state(page)).education_step, count - 1);
  await press(page, 'ArrowLeft');
  await press(page, 'ArrowLeft');
  await waitForState(page, (s) => s.education_step === count - 3, 'two steps back by the left arrow');
  await press(page, 'Escape');
  await waitForState(page, (s) => s.screen === 'start', 'Escape returns to the start');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the sales demo loops for 10 simulated minutes at 60x without error or unsafe force', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=demo&speed=60`);
  const began_ms = Date.now();
  await waitForState(page, (s) => s.screen === 'demo' && s.speed === 60, 'the demo at 60x');
  // sample the hook as fast as it answers; during the patient stop, once the release has had a
  // second, every sample must show the force at or under the floor
  const stepsSeen = new Set();
  let stopSamples = 0;
  let s;
  for (;;) {
    s = await state(page);
    assert.equal(s.screen, 'demo', 'the demo never leaves by itself');
    stepsSeen.add(s.demo.step_id);
    if (s.demo.step_id === 'patient_stop' && s.demo.step_s >= STOP_RELEASE_MAX_S) {
      ++stopSamples;
      assert.ok(s.measured_force_n <= STOP_FLOOR_N && s.cord_tension_n <= STOP_FLOOR_N,
                `patient stop at ${s.demo.step_s} s: ${s.measured_force_n} N measured, ${s.cord_tension_n} N in the cord`);
    }
    if (s.demo.sim_s >= 600) break;
    assert.ok(Date.now() - began_ms < 240000, `only ${s.demo.sim_s} simulated seconds in 4 minutes`);
    await page.waitForTimeout(20);
  }
  const wall_s = (Date.now() - began_ms) / 1000;
  console.log(`demo: ${s.demo.sim_s.toFixed(0)} simulated s in ${wall_s.toFixed(1)} s wall-clock, ` +
              `${s.demo.loops} loops, ${stopSamples} samples in the patient stop`);
  const d = s.demo;
  assert.ok(d.loops >= 2, `${d.loops} loops in 10 minutes`);
  for (const [id, visits] of Object.entries(d.visits)) assert.ok(visits >= 2, `step ${id} visited ${visits} times`);
  assert.ok(stepsSeen.has('patient_stop') && stepsSeen.has('runaway'), `steps seen: ${[...stepsSeen]}`);
  // every stop press released from a real pull to the floor within a second, with the alarm
  assert.ok(d.stop_presses >= 2, `${d.stop_presses} stop presses`);
  assert.ok(d.last_stop_force_n > 100, `the switch was pressed at ${d.last_stop_force_n} N`);
  assert.ok(d.worst_stop_release_s >= 0 && d.worst_stop_release_s <= STOP_RELEASE_MAX_S,
            `slowest release to ${STOP_FLOOR_N} N took ${d.worst_stop_release_s} s`);
  assert.equal(d.stop_alarm_seen, true, 'PATIENT STOP with the buzzer');
  // every injected runaway was caught and the table went to FAULT with the runaway alarm
  assert.ok(d.faults_injected >= 2, `${d.faults_injected} faults injected`);
  assert.equal(d.faults_stopped, d.faults_injected, 'each fault stopped the table');
  assert.equal(d.last_fault_alarm, RUNAWAY_ALARM);
  // outside the fault step the cord never went above prescription + 10%
  assert.ok(d.peak_force_ratio > 0.9 && d.peak_force_ratio <= OVER_FORCE_RATIO,
            `peak tension ${d.peak_force_ratio} x prescription`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// waits for a demo step in a given condition and saves a screenshot of it, trying again on the
// next loop if the step ended as the picture was taken. The picture is of the frame drawn as
// the capture begins, and the state is read at that moment too: encoding the picture takes
// seconds on a loaded machine, and the demo's clock keeps wall time meanwhile, so a state read
// after the capture has ended says nothing about what it shows.
async function shootStep(page, id, ready, file) {
  for (let attempt = 0; attempt < 3; ++attempt) {
    const before = await waitForState(page, (s) => s.demo.step_id === id && ready(s), `the ${id} step`, 180000);
    const shot = screenshot(page, file);
    const during = await state(page);
    await shot;
    if (during.demo.step_id === id && during.demo.loops === before.demo.loops) return;
    console.log(`the ${id} step ended as it was photographed (at ${during.demo.step_id}); trying the next loop`);
    await waitForState(page, (s) => s.demo.step_id !== id, `the end of the ${id} step`);
  }
  throw new Error(`could not photograph the ${id} step`);
}

test('the demo captions each step, and a click shows an Exit control that leaves it', async () => {
  // at 10x a step lasts long enough to be photographed with its own caption
  const page = await openPage(env.browser, `${env.url}?mode=demo&speed=10`);
  assert.equal(await page.evaluate(() => window.tractus.widget('demo.exit')), null, 'no exit control unasked');
  await shootStep(page, 'static', (s) => s.state === 'TREATING' && s.measured_force_n > 200, 'demo-static.png');
  await shootStep(page, 'decompression', (s) => s.demo.step_s > 20 && s.demo.step_s < 50, 'demo-decompression.png');
  await shootStep(page, 'patient_stop', (s) => s.demo.last_stop_release_s >= 0 && s.demo.step_s > 1,
                  'demo-patient-stop.png');
  await shootStep(page, 'runaway', (s) => s.demo.last_fault_trip_s >= 0 && s.demo.step_s > 1, 'demo-runaway.png');
  await page.mouse.click(200, 300);
  await waitForWidget(page, 'demo.exit');
  await screenshot(page, 'demo-exit.png');
  await clickWidget(page, 'demo.exit');
  await waitForState(page, (s) => s.screen === 'start', 'Exit demo returns to the start');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the demo fits a 1024x768 screen', async () => {
  // at 10x: the intermittent step lasts 6.7 s of wall time, at 60x barely one
  const page = await openPage(env.browser, `${env.url}?mode=demo&speed=10`, { width: 1024, height: 768 });
  await shootStep(page, 'intermittent', (s) => s.demo.step_s > 20, 'demo-intermittent-1024.png');
  const caption = await page.evaluate(() => window.tractus.widget('demo.caption'));
  assert.ok(caption && caption.x + caption.w <= 1024 && caption.y + caption.h <= 768, JSON.stringify(caption));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// issue 11, section 5: a link that names a screen or scenario the trainer lacks says so in the
// page, not only in the browser's console
test('an unknown ?mode= or ?scenario= shows a message in the page', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=traning`);
  await waitForState(page, (s) => s.screen === 'start' && s.frames > 3, 'the start screen');
  const note = await waitForWidget(page, 'start.message');
  assert.ok(note.w > 200 && note.h >= 14, `the message is drawn: ${JSON.stringify(note)}`);
  await screenshot(page, 'start-unknown-mode.png');
  // it goes once the user moves on
  await clickWidget(page, 'start.training');
  await waitForState(page, (s) => s.screen === 'scenarios', 'the scenario list');
  assert.equal(await page.evaluate(() => window.tractus.widget('scenarios.message')), null);
  await page.close();

  const bad = await openPage(env.browser, `${env.url}?mode=train&scenario=no-such-scenario`);
  await waitForState(bad, (s) => s.screen === 'scenarios' && s.frames > 3, 'the scenario list');
  const msg = await waitForWidget(bad, 'scenarios.message');
  assert.ok(msg.w > 200 && msg.h >= 14, `the message is drawn: ${JSON.stringify(msg)}`);
  await screenshot(bad, 'scenarios-unknown-scenario.png');
  await bad.close();
});
