// The instructor's station (issue 16), in its own browser context beside the trainees': it
// joins a station by the code the trainee's page shows (or by the QR symbol's address),
// follows it live, injects a runaway that trips the trainee's table (alarm 312), sees the
// action applied and the result arrive, and exports the class's results. A class of three
// stations fills the grid, each card updating on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, waitForState, clickWidget, waitFrames, screenshot, screenshotDir, download, replayRecord } from './harness.mjs';

let env;
before(async () => { env = await launch({ relay: true }); });
after(async () => { if (env) await env.close(); });

const roomOf = (page) => page.evaluate(() => window.tractusRoom.status());
const desk = (page) => page.evaluate(() => window.tractusInstructor.status());

async function poll(read, pred, what, timeoutMs = 20000) {
  const start = Date.now();
  let last = null;
  while (Date.now() - start < timeoutMs) {
    last = await read();
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 600)}`);
}

/** A trainee's page in its own browser context, with a room open; returns { page, code, url }. */
async function traineeStation(scenario, name) {
  // browser.newPage gives each page a context of its own: a station of its own
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=${scenario}`);
  await waitForState(page, (s) => s.screen === 'training', `${name}'s training screen`);
  await clickWidget(page, 'toolbar.classroom');
  await clickWidget(page, 'classroom.open');
  const r = await poll(() => roomOf(page), (x) => x.status === 'open' && x.code, `${name}'s join code`);
  return { page, context: page.context(), code: r.code, url: r.url };
}

async function instructorDesk(url, viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('#instructor');
  await poll(() => desk(page), (d) => d.connected, 'the instructor connected');
  return { page, context };
}

test('an instructor on a second device joins by code, injects a runaway, and gets the result', async () => {
  const trainee = await traineeStation('routine-lumbar-l45', 'the trainee');
  const { page: inst, context } = await instructorDesk(`${env.url}?mode=instructor`);
  // a mistyped code is refused with a reason, and nothing else changes
  await inst.fill('input[name=name]', 'Dr Lee');
  await inst.fill('input[name=code]', 'AAA-AAA-AAA');
  await inst.click('#join');
  await inst.waitForFunction(() => /not valid/.test(document.getElementById('message').textContent));
  // the code as typed by a person
  await inst.fill('input[name=code]', trainee.code.toLowerCase());
  await inst.click('#join');
  await poll(() => desk(inst), (d) => d.stations.length === 1 && d.stations[0].state, 'the station on the instructor\'s page');
  await poll(() => roomOf(trainee.page), (r) => r.status === 'claimed' && r.instructor === 'Dr Lee', 'the trainee seeing the claim');

  // the trainee treats; the instructor's page follows
  await clickWidget(trainee.page, 'patient.fit_harness');
  await clickWidget(trainee.page, 'patient.give_stop_switch');
  await clickWidget(trainee.page, 'console.start');
  await waitForState(trainee.page, (s) => s.state === 'TREATING' && s.measured_force_n > 60, 'traction under way', 120000);
  await inst.waitForFunction(() => document.getElementById('table-state').textContent === 'TREATING');
  // the 3D view: the trainer on the instructor's page rebuilds the station's session
  const mirror = inst.frame({ url: /mode=mirror/ });
  assert.ok(mirror, 'the 3D view is on the page');
  await poll(() => mirror.evaluate(() => window.tractus && window.tractus.ready() && window.tractus.state()),
             (m) => m && m.screen === 'mirror' && m.state === 'TREATING' && m.cord_tension_n > 60, 'the 3D view treating', 60000);
  await inst.waitForTimeout(500);
  await inst.screenshot({ path: `${screenshotDir}/instructor-station.png` });

  // inject the runaway from the instructor's page
  await inst.selectOption('select[name=fault]', 'motor.runaway');
  const sentAt = Date.now();
  await inst.click('#inject');
  await waitForState(trainee.page, (s) => s.alarm_code === 312, 'alarm 312 on the trainee\'s console', 20000);
  const tripMs = Date.now() - sentAt;
  const applied = await poll(() => desk(inst), (d) => d.actions.some((a) => a.status === 'applied'), 'the action applied');
  await inst.waitForFunction(() => /Alarm 312/.test(document.getElementById('alarm').textContent));
  const seenMs = Date.now() - sentAt;
  console.log(`[instructor] click to trainee alarm 312: ${tripMs} ms; to the instructor's page showing it: ${seenMs} ms`);
  assert.ok(tripMs < 5000, `${tripMs} ms`);
  assert.equal(applied.actions.length, 1, 'one action, applied once');
  assert.ok(await inst.locator('#log').textContent().then((t) => /Fault motor\.runaway: applied/.test(t)));
  const mirrored = await poll(() => mirror.evaluate(() => window.tractus.state()), (m) => m.alarm_code === 312, 'the 3D view tripping too', 20000);
  assert.ok(mirrored.active_faults.includes('motor.runaway'), 'the rebuilt session has the relayed fault');
  await inst.screenshot({ path: `${screenshotDir}/instructor-station-runaway.png` });

  // the session ends on the trainee's page: the result arrives and exports
  await clickWidget(trainee.page, 'toolbar.end_session');
  const d = await waitForState(trainee.page, (x) => x.screen === 'debrief' && x.score !== undefined, 'the debrief');
  const withResult = await poll(() => desk(inst), (x) => x.results.length === 1, 'the result on the instructor\'s page');
  assert.equal(withResult.results[0].score, d.score);
  assert.ok(withResult.results[0].instructor_actions.some((a) => a.name === 'motor.runaway'));
  const [dl] = await Promise.all([inst.waitForEvent('download'), inst.click('#export-csv')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8').trim().split('\n');
  assert.equal(csv.length, 2, csv.join('\n'));
  assert.match(csv[1], /routine-lumbar-l45/);
  const [dlj] = await Promise.all([inst.waitForEvent('download'), inst.click('#export-json')]);
  const json = JSON.parse(fs.readFileSync(await dlj.path(), 'utf8'));
  assert.equal(json.results[0].score, d.score);
  await inst.screenshot({ path: `${screenshotDir}/instructor-results.png`, fullPage: true });
  // the trainee's debrief lists the instructor's action, and the record replays to the same
  // score and timeline hash
  await clickWidget(trainee.page, 'debrief.tab.timeline');
  await waitFrames(trainee.page, 3);
  await screenshot(trainee.page, 'instructor-station-trainee-debrief.png');
  const rec = await download(trainee.page, 'debrief.export_record');
  const recorded = JSON.parse(rec.text).actions.find((a) => a.action === 'inject_fault' && a.fault === 'motor.runaway');
  assert.ok(recorded, 'the record has the instructor\'s runaway');
  assert.equal(recorded.t_us, Math.round(applied.actions[0].at_s * 1e6));
  const replayed = await replayRecord(trainee.page, rec.text, 'instructor-station-record.json');
  assert.equal(replayed.score, d.score);
  assert.equal(replayed.timeline_hash, d.timeline_hash);
  assert.deepEqual(inst.errors, []);
  assert.deepEqual(trainee.page.errors, []);
  await context.close();
  await trainee.context.close();
});

test('a class of three stations fills the grid; the QR address joins a station; a tablet shows it all', async () => {
  const stations = [];
  for (const [scenario, name] of [['routine-lumbar-l45', 'A'], ['routine-lumbar-l45', 'B'], ['contraindication-osteoporosis', 'C']]) {
    stations.push(await traineeStation(scenario, name));
  }
  // the first by the QR symbol's address, on an upright tablet: the page claims it by itself once named
  const { page: inst, context } = await instructorDesk(stations[0].url, { width: 768, height: 1024 });
  await inst.fill('input[name=name]', 'Sam Ortiz');
  await inst.click('#join');
  await poll(() => desk(inst), (x) => x.stations.length === 1, 'the first station');
  for (const s of stations.slice(1)) {
    await inst.fill('input[name=code]', s.code);
    await inst.click('#join');
  }
  const full = await poll(() => desk(inst), (x) => x.stations.length === 3 && x.stations.every((s) => s.state && s.stale === 'live'), 'three live stations');
  assert.equal(new Set(full.stations.map((s) => s.room)).size, 3);
  // each card follows its own station: start one of them, only its card changes
  await clickWidget(stations[2].page, 'patient.fit_harness');
  await clickWidget(stations[2].page, 'patient.give_stop_switch');
  await clickWidget(stations[2].page, 'console.start');
  const after = await poll(() => desk(inst), (x) => x.stations.filter((s) => s.state.table.state === 'TREATING').length === 1,
                           'one card treating', 60000);
  const treating = after.stations.find((s) => s.state.table.state === 'TREATING');
  assert.equal(treating.state.scenario.id, 'contraindication-osteoporosis');
  assert.equal(await inst.locator('#class .card').count(), 3);
  await inst.screenshot({ path: `${screenshotDir}/instructor-class-tablet.png`, fullPage: true });
  // the grid marks a station whose page has gone as offline
  await stations[1].context.close();
  await poll(() => desk(inst), (x) => x.stations.some((s) => !s.connected), 'a station marked offline', 20000);
  await inst.setViewportSize({ width: 1280, height: 900 });
  await inst.screenshot({ path: `${screenshotDir}/instructor-class.png`, fullPage: true });
  assert.deepEqual(inst.errors, []);
  await context.close();
  await stations[0].context.close();
  await stations[2].context.close();
});

test('a relay restart marks the station stale on the instructor\'s page; both pages resume on their own', async () => {
  const trainee = await traineeStation('routine-lumbar-l45', 'the trainee');
  const { page: inst, context } = await instructorDesk(`${env.url}?mode=instructor`);
  await inst.fill('input[name=name]', 'Dr Lee');
  await inst.fill('input[name=code]', trainee.code);
  await inst.click('#join');
  await poll(() => desk(inst), (d) => d.stations.length === 1 && d.stations[0].stale === 'live', 'the station live');
  await new Promise((r) => setTimeout(r, 1500));  // the relay writes its rooms at most once a second
  await env.restartServer();
  const dropped = await poll(() => desk(inst), (d) => !d.connected && d.stations[0].stale !== 'live', 'the drop on the instructor\'s page');
  assert.ok(dropped.stations.length === 1, 'the class is kept through the drop');
  await inst.waitForSelector('#freshness');
  await inst.screenshot({ path: `${screenshotDir}/instructor-station-stale.png` });
  // both come back by themselves, and an action sent now reaches the session once
  await poll(() => desk(inst), (d) => d.connected && d.stations[0].stale === 'live', 'the instructor\'s page back, live', 30000);
  await poll(() => roomOf(trainee.page), (r) => r.status === 'claimed' && r.connected, 'the trainee back in the room', 30000);
  const before = await waitForState(trainee.page, () => true, 'a state');
  await inst.fill('input[name=say]', 'Could you check the straps?');
  await inst.click('#say');
  await poll(() => desk(inst), (d) => d.actions.length === 1 && d.actions[0].status === 'applied', 'the line applied');
  await waitForState(trainee.page, (s) => s.speech_count === before.speech_count + 1, 'the patient saying it once');
  assert.deepEqual(inst.errors, []);
  assert.deepEqual(trainee.page.errors, []);
  await context.close();
  await trainee.context.close();
});
