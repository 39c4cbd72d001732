// A reload in the middle of a course of care loses nothing: the start screen offers the course
// by name and session, and the resume rebuilds the course from its finished sessions' records
// (the patient's state, the scores, the progress), then replays the running session to the
// moment it was left. Left between two sessions, it returns to the last session's debrief.
// Driven through clicks and real reloads; state is read through the read-only hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, screenshot, reloadPage,
  waitForStored } from './harness.mjs';

const COURSE_URL = '?mode=train&scenario=course-lumbar-progression';
let env;

before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

/** Types a console field's value (e.g. 'console.max_force', '30'). */
async function typeField(page, id, value) {
  await clickWidget(page, id, 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await waitFrames(page, 3);
}

/** Prepares the patient of the session on screen and starts at force_lbf for treatment_min. */
async function startSession(page, force, minutes) {
  await clickWidget(page, 'chart.header');
  await clickWidget(page, 'patient.fit_harness');
  await clickWidget(page, 'patient.give_stop_switch');
  await typeField(page, 'console.max_force', force);
  await typeField(page, 'console.treatment', minutes);
  await clickWidget(page, 'console.start');
}

/** Treats session 1 at 30 lbf for a minute at 60x to its end, and ends it: the debrief. */
async function finishFirstSession(page) {
  await waitForState(page, (s) => s.screen === 'training' && s.course, 'the first course session');
  await startSession(page, '30', '1');
  await waitForState(page, (s) => s.state === 'TREATING', 'the treatment to start');
  await clickWidget(page, 'toolbar.speed_60');
  await waitForState(page, (s) => s.state === 'COMPLETE', 'the treatment to complete', 120000);
  await clickWidget(page, 'toolbar.speed_1');
  await clickWidget(page, 'patient.remove_harness');
  await clickWidget(page, 'toolbar.end_session');
  return waitForState(page, (s) => s.screen === 'debrief' && s.course && s.course.finished === 1, 'the debrief');
}

test('a reload mid-course resumes session 2 of 12 with session 1 as it was', async () => {
  const page = await openPage(env.browser, `${env.url}${COURSE_URL}`);
  const debrief = await finishFirstSession(page);
  assert.equal(debrief.course.sessions, 12);
  assert.equal(debrief.course.session_scores.length, 1);
  assert.ok(debrief.course.last_dose_lbf > 25, `session 1 treated at ${debrief.course.last_dose_lbf} lbf`);
  await clickWidget(page, 'debrief.next_session');
  await waitForState(page, (s) => s.screen === 'training' && s.course.next_session === 2, 'session 2');
  // session 2 at 33 lbf for 9 minutes: not the console's defaults, so the resumed console must show them
  await startSession(page, '33', '9');
  await waitForState(page, (s) => s.state === 'TREATING' && s.saved.live && s.saved.live.t_s > 3, 'session 2 treating');
  await clickWidget(page, 'toolbar.pause');
  await waitForState(page, (s) => s.paused, 'the pause');
  await page.waitForTimeout(1500);  // the page saves the running session every second
  await waitForStored(page, '/persist/session.json', true);
  const left = await state(page);
  assert.ok(left.saved.session_running);

  const asked = await reloadPage(page);
  assert.deepEqual(asked, ['beforeunload'], 'leaving a running course session asks first');
  const offered = await state(page);
  // the reload kept the link to the course, which must not open a fresh course over the saved one
  assert.equal(offered.screen, 'start', 'the link waits while a course is offered');
  assert.ok(await page.evaluate(() => window.tractus.widget('start.message')), 'and the start screen says why');
  const offer = offered.saved.resume_offer;
  assert.ok(offer, 'the start screen offers the course');
  assert.match(offer.title, /^Course of care: 12 sessions/);
  assert.equal(offer.course_session, 2, 'the offer names the session it returns to');
  assert.equal(offer.course_sessions, 12);
  assert.equal(offer.course_finished, 1);
  assert.equal(offer.between_sessions, false);
  // paused, the session clock stood still, so the save is exact
  assert.ok(Math.abs(offer.left_at_s - left.saved.live.t_s) < 1e-6, `offered at ${offer.left_at_s} s, left at ${left.saved.live.t_s} s`);
  await screenshot(page, 'course-resume-offer.png');

  const t0 = Date.now();
  await clickWidget(page, 'start.resume');
  const resumed = await waitForState(page, (s) => s.screen === 'training' && s.saved.resumed, 'the resumed course');
  const replayMs = Date.now() - t0;
  // the course as it was: session 2 of 12, session 1's score, dose and what it left the patient
  assert.equal(resumed.course.sessions, 12);
  assert.equal(resumed.course.finished, 1);
  assert.equal(resumed.course.next_session, 2);
  assert.deepEqual(resumed.course.session_scores, left.course.session_scores);
  assert.equal(resumed.course.score, left.course.score);
  assert.equal(resumed.course.tolerance_lbf, left.course.tolerance_lbf);
  assert.equal(resumed.course.last_dose_lbf, left.course.last_dose_lbf);
  // and session 2 to the moment it was left: same time, actions and event timeline
  assert.ok(Math.abs(resumed.saved.resumed.at_s - left.saved.live.t_s) < 1e-6);
  assert.equal(resumed.saved.resumed.actions, left.saved.live.actions);
  assert.equal(resumed.saved.resumed.timeline_hash, left.saved.live.timeline_hash);
  assert.equal(resumed.saved.resume_offer, undefined, 'the offer is gone once taken');
  // the console shows the prescription the table runs, and the plot session 2 from its start
  assert.equal(left.console_max_force, 33);
  assert.equal(resumed.console_max_force, 33, 'the resumed console shows the running force');
  assert.equal(resumed.console_treatment_min, 9, 'and the running treatment time');
  // (the plot runs on the table's clock, as it did before the reload; the resumed session runs
  // on live from the moment it was left, so the plot holds at least the span it held)
  assert.ok(Math.abs(resumed.plot_first_t_s - left.plot_first_t_s) < 0.15,
    `the plot starts at ${resumed.plot_first_t_s} s, before the reload at ${left.plot_first_t_s} s`);
  assert.ok(resumed.plot_last_t_s >= left.plot_last_t_s - 0.15,
    `the plot ends at ${resumed.plot_last_t_s} s, before the reload at ${left.plot_last_t_s} s`);
  assert.ok(resumed.plot_samples >= 10 * (left.plot_last_t_s - left.plot_first_t_s) - 5,
    `${resumed.plot_samples} samples plotted, ${left.plot_samples} before the reload`);
  assert.equal(resumed.state, 'TREATING');
  await screenshot(page, 'course-resumed.png');
  console.log(`course resume replayed 1 finished session and ${left.saved.live.t_s.toFixed(1)} s of session 2 in ${replayMs} ms`);

  // it goes on live from there, as a resumed single session does
  const later = await waitForState(page, (s) => s.saved.live && s.saved.live.t_s > left.saved.live.t_s + 1.0,
    'the session clock to run on');
  assert.equal(later.state, 'TREATING');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a reload between two course sessions returns to the last debrief, and the course goes on', async () => {
  const page = await openPage(env.browser, `${env.url}${COURSE_URL}`);
  await waitForState(page, (s) => s.screen === 'training' && s.course, 'the first course session');
  // the patient is sent home untreated: the session ends and the course moves on
  await clickWidget(page, 'toolbar.end_session');
  const left = await waitForState(page, (s) => s.screen === 'debrief' && s.film_progress === 1, 'the debrief');
  // the course, kept between sessions, and the history with session 1 reach browser storage
  await waitForStored(page, '/persist/session.json', true);
  await waitForStored(page, '/persist/history.json', true);
  const asked = await reloadPage(page);
  assert.deepEqual(asked, [], 'between sessions nothing runs, so leaving does not ask');
  const offer = (await state(page)).saved.resume_offer;
  assert.ok(offer, 'the start screen offers the course');
  assert.equal(offer.between_sessions, true);
  assert.equal(offer.course_session, 1, 'it returns to session 1, finished');
  assert.equal(offer.course_finished, 1);
  await screenshot(page, 'course-resume-offer-between.png');
  await clickWidget(page, 'start.resume');
  const back = await waitForState(page, (s) => s.screen === 'debrief' && s.film_progress === 1, 'session 1\'s debrief');
  await screenshot(page, 'course-resumed-between.png');
  assert.equal(back.course.finished, 1);
  assert.deepEqual(back.course.session_scores, left.course.session_scores);
  assert.equal(back.score, left.score, 'the debrief shows session 1\'s report');
  assert.equal(back.history_size, left.history_size, 'the finished session is not saved twice');
  await clickWidget(page, 'debrief.next_session');
  const second = await waitForState(page, (s) => s.screen === 'training' && s.course.next_session === 2, 'session 2');
  assert.ok(second.t_s < 5, 'a fresh session 2');
  // leaving the course on purpose forgets it
  await clickWidget(page, 'toolbar.home');
  await waitForState(page, (s) => s.screen === 'start', 'the start screen');
  await waitForStored(page, '/persist/session.json', false);
  // (the plain address: the course's link would open a fresh course)
  await page.goto(env.url);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  await waitFrames(page, 3);
  assert.equal((await state(page)).saved.resume_offer, undefined, 'a course left on purpose is not offered');
  assert.deepEqual(page.errors, []);
  await page.close();
});
