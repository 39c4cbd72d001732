// The classroom room from the trainee's page (issue 16), with the instructor as a relay client
// on another connection: the trainee opens a room and sees a join code and a QR symbol for the
// instructor's address; the page hides its own instructor panel; the instructor claims by the
// code as typed, follows the station's state at 5 Hz, and injects a runaway that trips the
// table (alarm 312); the session records the action at its own time, the result reaches the
// instructor, and the downloaded record replays to the same score. A relay drop and a reload
// leave the session alone and the room resumes. Figures: streamed bytes a second and the time
// from the instructor's send to the trainee's alarm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, clickWidget, waitFrames, screenshot, reloadPage, download, replayRecord } from './harness.mjs';
import { connectRelay, sleep } from '../../server/test/relay_client.mjs';

let env;
before(async () => { env = await launch({ relay: true }); });
after(async () => { if (env) await env.close(); });

const room = (page) => page.evaluate(() => window.tractusRoom.status());

async function waitForRoom(page, pred, what, timeoutMs = 20000) {
  const start = Date.now();
  let last = null;
  while (Date.now() - start < timeoutMs) {
    last = await room(page);
    if (pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; room: ${JSON.stringify({ ...last, modules: undefined })}`);
}

const widget = (page, id) => page.evaluate((w) => window.tractus.widget(w), id);

/** The trainee's page in a room, claimed by an instructor relay client. */
async function claimedStation(scenario = 'routine-lumbar-l45') {
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=${scenario}`);
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'toolbar.classroom');
  await clickWidget(page, 'classroom.open');
  const open = await waitForRoom(page, (r) => r.status === 'open' && r.code, 'a join code');
  const port = new URL(env.url).port;
  const instructor = await connectRelay(port);
  // typed as a person would: lower case, with spaces
  const claimed = await instructor.ask({ t: 'claim', code: open.code.toLowerCase().replace(/-/g, ' '), name: 'Dr Lee' }, 'claimed');
  assert.equal(claimed.t, 'claimed', JSON.stringify(claimed));
  await waitForRoom(page, (r) => r.status === 'claimed' && r.instructor === 'Dr Lee', 'the claim');
  return { page, instructor, open, roomId: claimed.station.room, key: claimed.key };
}

test('an instructor joins by code, a relayed runaway trips the table, and the record replays', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=routine-lumbar-l45`);
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  assert.ok(await widget(page, 'toolbar.instructor'), 'out of a room the page has its instructor panel');
  await clickWidget(page, 'toolbar.classroom');
  await waitFrames(page, 3);
  await screenshot(page, 'classroom-panel.png');
  await clickWidget(page, 'classroom.open');
  const open = await waitForRoom(page, (r) => r.status === 'open' && r.code, 'a join code');
  // 9 symbols of Crockford's base32, and a QR symbol of the instructor's address
  assert.match(open.code, /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  assert.equal(open.url, `${env.url}?mode=instructor&room=${open.code.replace(/-/g, '')}`);
  assert.ok(open.size >= 21 && open.modules.length === open.size * open.size, `a ${open.size}-module QR symbol`);
  await waitFrames(page, 3);
  assert.equal(await widget(page, 'toolbar.instructor'), null, 'in a room the page hides its instructor panel');
  await screenshot(page, 'classroom-join-code.png');

  const port = new URL(env.url).port;
  const instructor = await connectRelay(port);
  const claimed = await instructor.ask({ t: 'claim', code: open.code.toLowerCase().replace(/-/g, ' '), name: 'Dr Lee' }, 'claimed');
  assert.equal(claimed.t, 'claimed', JSON.stringify(claimed));
  const roomId = claimed.station.room;
  await waitForRoom(page, (r) => r.status === 'claimed' && r.instructor === 'Dr Lee', 'the claim');
  await waitFrames(page, 3);
  await screenshot(page, 'classroom-claimed.png');

  // the trainee sets up and starts; the instructor follows at 5 Hz
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 60, 'traction under way', 120000);
  instructor.got.length = 0;
  const windowMs = 3000;
  const t0 = Date.now();
  await sleep(windowMs);
  const states = instructor.got.filter((m) => m.t === 'state');
  const hz = states.length / (windowMs / 1000);
  const bytes = states.reduce((n, m) => n + JSON.stringify(m).length, 0);
  const last = states[states.length - 1];
  console.log(`[classroom] ${states.length} state messages in ${Date.now() - t0} ms (${hz.toFixed(1)} Hz), ` +
              `${(bytes / (windowMs / 1000) / 1024).toFixed(2)} KiB/s, ${Math.round(bytes / states.length)} B each`);
  assert.ok(hz >= 3.5 && hz <= 10, `state at ${hz} Hz`);
  assert.equal(last.state.scenario.id, 'routine-lumbar-l45');
  assert.equal(last.state.table.state, 'TREATING');
  assert.ok(last.state.twin.cord_tension_n > 50, 'the twin readouts come along');
  assert.equal(last.state.twin.levels.length, 5);
  assert.ok(last.state.timeline_n > 0 && last.state.timeline.length > 0, 'the timeline so far');

  // the runaway: from the instructor's send to the trainee's alarm
  const sentAt = Date.now();
  const ack = await instructor.ask({ t: 'action', room: roomId, id: 'runaway-1', action: { action: 'inject_fault', name: 'motor.runaway' } }, 'ack');
  assert.equal(ack.status, 'relayed');
  const tripped = await waitForState(page, (s) => s.alarm_code === 312, 'alarm 312 on the trainee\'s console', 20000);
  const latencyMs = Date.now() - sentAt;
  const applied = await instructor.next((m) => m.t === 'applied' && m.id === 'runaway-1', 'the applied report', 5000);
  assert.equal(applied.refused, undefined, `refused: ${applied.refused}`);
  assert.ok(applied.sim_us > 0);
  const seen = await instructor.next((m) => m.t === 'state' && m.state.table.alarm_code === 312, 'the alarm in the state stream', 5000);
  console.log(`[classroom] instructor click to trainee alarm 312: ${latencyMs} ms (applied at session ${(applied.sim_us / 1e6).toFixed(3)} s; ` +
              `seen by the instructor ${Date.now() - sentAt} ms after the send)`);
  assert.ok(latencyMs < 5000, `${latencyMs} ms`);
  assert.ok(tripped.active_faults.includes('motor.runaway'));
  assert.ok(seen.state.active_faults.includes('motor.runaway'));

  // a message reaches the trainee's screen
  await instructor.ask({ t: 'action', room: roomId, id: 'msg-1', action: { action: 'message', text: 'Acknowledge the alarm, then check the patient.' } }, 'ack');
  await instructor.next((m) => m.t === 'applied' && m.id === 'msg-1' && m.refused === undefined, 'the message applied', 5000);
  await page.waitForFunction(() => window.tractus.widget('training.instructor_message'), null, { timeout: 10000 });
  await waitFrames(page, 3);
  await screenshot(page, 'classroom-instructor-message.png');

  // an action the session cannot take is reported refused, naming the field
  await instructor.ask({ t: 'action', room: roomId, id: 'bad-1', action: { action: 'inject_fault', name: 'drum.melt' } }, 'ack');
  const refused = await instructor.next((m) => m.t === 'applied' && m.id === 'bad-1', 'the refusal', 5000);
  assert.match(refused.refused, /^action\.name: .*drum\.melt/);

  // the session ends: the result reaches the instructor with the action at its session time
  await clickWidget(page, 'toolbar.end_session');
  const d = await waitForState(page, (x) => x.screen === 'debrief' && x.score !== undefined, 'the debrief');
  const result = await instructor.next((m) => m.t === 'result', 'the result', 5000);
  assert.equal(result.result.score, d.score);
  const runaway = result.result.instructor_actions.find((a) => a.kind === 'inject_fault' && a.name === 'motor.runaway');
  assert.ok(runaway, JSON.stringify(result.result.instructor_actions));
  assert.equal(Math.round(runaway.t_s * 1e6), applied.sim_us);
  await clickWidget(page, 'debrief.tab.timeline');
  await waitFrames(page, 3);
  await screenshot(page, 'classroom-debrief-timeline.png');

  // the record holds the instructor's action and replays to the same score
  const rec = await download(page, 'debrief.export_record');
  const record = JSON.parse(rec.text);
  const recorded = record.actions.find((a) => a.action === 'inject_fault' && a.fault === 'motor.runaway');
  assert.ok(recorded, 'the record has the relayed runaway');
  assert.equal(recorded.t_us, applied.sim_us, "recorded at the session time the station reported");
  const replayed = await replayRecord(page, rec.text, 'classroom-record.json');
  assert.equal(replayed.score, d.score, 'the record replays to the recorded score');
  assert.match(d.timeline_hash, /^[0-9a-f]{16}$/);
  assert.equal(replayed.timeline_hash, d.timeline_hash, 'and to the same timeline, instructor action included');
  assert.equal(replayed.critical_errors, d.critical_errors);
  instructor.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a relay restart leaves the session running; both sides resume, and so does a reload', async () => {
  const { page, instructor, roomId, key } = await claimedStation();
  await sleep(1500);  // the relay writes its rooms at most once a second
  const before = await state(page);
  await env.restartServer();
  await waitForRoom(page, (r) => r.status === 'reconnecting', 'the page seeing the drop');
  await waitFrames(page, 2);
  await screenshot(page, 'classroom-reconnecting.png');
  const during = await waitForState(page, (s) => s.t_s > before.t_s + 1, 'the session going on');
  assert.equal(during.screen, 'training');
  await waitForRoom(page, (r) => r.status === 'claimed' && r.connected, 'the page back in its room', 30000);
  // the instructor resumes the class with its key, and an action arrives once
  const port = new URL(env.url).port;
  const back = await connectRelay(port);
  const resumed = await back.ask({ t: 'resume', role: 'instructor', key }, 'resumed');
  assert.ok(resumed.stations.some((st) => st.room === roomId), JSON.stringify(resumed));
  await back.ask({ t: 'action', room: roomId, id: 'say-1', action: { action: 'say', text: 'Is it meant to feel this tight?' } }, 'ack');
  await back.next((m) => m.t === 'applied' && m.id === 'say-1', 'the line applied', 5000);
  const said = await waitForState(page, (s) => s.speech_count > before.speech_count, 'the patient saying the line');
  // a reload resumes the same room without the trainee doing anything, and applies nothing twice
  await reloadPage(page);
  await waitForRoom(page, (r) => r.room === roomId && r.status === 'claimed' && r.connected, 'the room resumed after a reload', 30000);
  assert.ok((await room(page)).applied >= 1, 'the page remembers what it applied');
  await sleep(600);
  assert.equal(back.got.filter((m) => m.t === 'applied' && m.id === 'say-1').length, 0, 'nothing applied twice');
  assert.ok(said.speech_count >= 1);
  instructor.close();
  back.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the join code on a 768x1024 tablet', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=train&scenario=routine-lumbar-l45`, { width: 768, height: 1024 });
  await waitForState(page, (s) => s.screen === 'training', 'the training screen');
  await clickWidget(page, 'toolbar.classroom');
  await clickWidget(page, 'classroom.open');
  await waitForRoom(page, (r) => r.status === 'open' && r.code, 'a join code');
  await waitFrames(page, 3);
  // every control of the toolbar stays on an upright tablet's bar
  for (const id of ['toolbar.home', 'toolbar.pause', 'toolbar.speed', 'toolbar.view', 'toolbar.end_session', 'toolbar.classroom']) {
    const r = await widget(page, id);
    assert.ok(r && r.x >= 0 && r.x + r.w <= 768, `${id} on the bar: ${JSON.stringify(r)}`);
  }
  const panel = await widget(page, 'classroom.panel');
  assert.ok(panel.x >= 0 && panel.x + panel.w <= 768, `the panel fits the width: ${JSON.stringify(panel)}`);
  await screenshot(page, 'classroom-join-code-tablet.png');
  await clickWidget(page, 'classroom.leave');
  await waitFrames(page, 3);
  assert.equal((await room(page)).status, 'closed');
  const back = await widget(page, 'toolbar.instructor');
  assert.ok(back && back.x + back.w <= 768, `leaving the room brings the instructor button back, on the bar: ${JSON.stringify(back)}`);
  await screenshot(page, 'classroom-left-tablet.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});
