// The SCORM 1.2 package in a real LMS runtime (issue 17, item 2): the zip that
// `./tractus package scorm` writes is unpacked beside a stand-in LMS page (lms/lms.html) that
// installs scorm-again's SCORM 1.2 API and opens the package's launch page in a frame. A
// scenario is played there through the UI to a pass and to a critical-error fail, and the
// values the LMS recorded are checked; a session left in one browser is resumed from the LMS's
// suspend_data in another with empty storage. The manifest is validated with xmllint against
// the SCORM 1.2 schemas, and a broken one must fail that validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, waitForState, clickWidget, waitFrames, screenshot, serveFolder, screenAndDeclineOsteoporosis } from './harness.mjs';
import { validateManifest } from '../../web/tools/scorm_package.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const zipFile = process.env.TRACTUS_SCORM_ZIP;
const schemaDir = process.env.TRACTUS_SCORM_SCHEMAS;
const libraryDir = path.join(here, '../../scenarios/library');
const kTimespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;  // CMITimespan, SCORM 1.2 RTE 3.4.2

let root, site, url, browser;

before(async () => {
  assert.ok(zipFile && fs.existsSync(zipFile), `TRACTUS_SCORM_ZIP (${zipFile}) is missing: build tractus_scorm`);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-lms-'));
  fs.mkdirSync(path.join(root, 'pkg'));
  execFileSync('unzip', ['-q', zipFile, '-d', path.join(root, 'pkg')]);
  fs.copyFileSync(path.join(here, 'lms/lms.html'), path.join(root, 'lms.html'));
  fs.copyFileSync(path.join(here, 'lms/node_modules/scorm-again/dist/scorm12.js'), path.join(root, 'scorm12.js'));
  site = await serveFolder(root);
  url = site.url;
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Opens the LMS on a scenario in a fresh browser context (empty storage); kept is what the
 *  LMS kept of an earlier attempt. Returns { page, sco }, where sco drives the package's frame
 *  with the harness's helpers (the frame fills the page, so its coordinates are the page's). */
async function openLms(scenario, kept) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  if (kept) await context.addInitScript((k) => { window.lmsKept = k; }, kept);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) page.errors.push(`${r.status()} for ${r.url()}`); });
  await page.goto(`${url}lms.html?launch=${encodeURIComponent(`index.html?mode=train&scenario=${scenario}&session=assessment`)}`);
  const frame = page.frame({ url: /\/pkg\/index\.html/ }) ||
                await page.waitForEvent('frameattached').then(() => page.frame({ url: /\/pkg\/index\.html/ }));
  await frame.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const sco = {
    evaluate: (fn, arg) => frame.evaluate(fn, arg),
    mouse: page.mouse,
    keyboard: page.keyboard,
    waitForTimeout: (ms) => page.waitForTimeout(ms),
    screenshot: (o) => page.screenshot(o),
  };
  await waitFrames(sco, 3);
  return { page, sco, context };
}

const lms = (page) => page.evaluate(() => window.lms);

// an LMS's item opens its scenario as an assessment: no hints, no live score
async function startAssessment(sco) {
  await waitForState(sco, (s) => s.screen === 'training', 'the assessment');
  assert.equal(await sco.evaluate(() => window.tractus.widget('chart.hint')), null, 'no hints in an assessment');
}

/** Waits until the LMS has a commit whose data model satisfies pred; returns it. */
async function waitForCommit(page, pred, what) {
  const start = Date.now();
  while (Date.now() - start < 60000) {
    const got = (await lms(page)).commits.find((c) => pred(c.cmi));
    if (got) return got.cmi;
    await page.waitForTimeout(200);
  }
  throw new Error(`the LMS never got a commit with ${what}; it has ${JSON.stringify(await lms(page))}`);
}

test('the manifest is a valid SCORM 1.2 manifest with one item per scenario, and a broken one is refused', () => {
  const file = path.join(root, 'pkg/imsmanifest.xml');
  validateManifest(file, schemaDir);
  const text = fs.readFileSync(file, 'utf8');
  const ids = fs.readdirSync(libraryDir).filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(fs.readFileSync(path.join(libraryDir, n), 'utf8')).id).sort();
  const items = [...text.matchAll(/<item identifier="item-([^"]+)" identifierref="res-([^"]+)"/g)];
  assert.deepEqual(items.map((m) => m[1]).sort(), ids, 'one item per library scenario');
  for (const [, item, ref] of items) {
    assert.equal(item, ref);
    assert.match(text, new RegExp(`href="index.html\\?mode=train&amp;scenario=${ref}&amp;session=assessment"`), `${ref} launches its assessment`);
  }
  // every file the manifest lists is in the zip, and the zip holds nothing it does not list
  const listed = [...text.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]).filter((f, i, a) => a.indexOf(f) === i).sort();
  const packed = fs.readdirSync(path.join(root, 'pkg')).filter((f) => f !== 'imsmanifest.xml').sort();
  assert.deepEqual(listed, packed);
  for (const need of ['index.html', 'tractus.wasm', 'tractus.data', 'tractus.js', 'scorm.js', 'lz-string.js']) {
    assert.ok(packed.includes(need), `${need} is in the package`);
  }
  assert.ok(!packed.includes('sw.js'), 'an LMS keeps no service worker of the package');
  // the validation can fail: an unknown SCORM type and a missing organizations element
  for (const [what, broken] of [
    ['an unknown scormtype', text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')],
    ['no organizations', text.replace(/<organizations[\s\S]*<\/organizations>/, '')],
  ]) {
    const bad = path.join(root, 'broken-manifest.xml');
    fs.writeFileSync(bad, broken);
    assert.throws(() => validateManifest(bad, schemaDir), /not a valid SCORM 1.2 manifest/, what);
  }
});

test('a curriculum\'s package has its steps in order, each held behind the one before, then its remedial cases', () => {
  const curriculumFile = path.join(here, '../../scenarios/curricula/new-practitioner.json');
  const curriculum = JSON.parse(fs.readFileSync(curriculumFile, 'utf8'));
  const out = path.join(root, 'curriculum.zip');
  execFileSync('node', [path.join(here, '../../web/tools/scorm_package.mjs'), '--site', process.env.TRACTUS_SITE_DIR,
                        '--library', libraryDir, '--schemas', schemaDir, '--curriculum', curriculumFile, '--out', out],
               { stdio: ['ignore', 'pipe', 'pipe'] });
  const dir = path.join(root, 'curriculum');
  execFileSync('unzip', ['-q', out, '-d', dir]);
  validateManifest(path.join(dir, 'imsmanifest.xml'), schemaDir);
  const text = fs.readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  assert.match(text, /<organization identifier="tractus">\s*<title>New practitioner<\/title>/);
  const items = [...text.matchAll(/<item identifier="item-([^"]+)"[^>]*>\s*<title>([^<]+)<\/title>(?:\s*<adlcp:prerequisites type="aicc_script">item-([^<]+)<\/adlcp:prerequisites>)?/g)]
    .map((m) => ({ id: m[1], title: m[2], after: m[3] || '' }));
  const steps = curriculum.steps.map((s) => s.scenario);
  assert.deepEqual(items.slice(0, steps.length).map((i) => i.id), steps, 'the steps, in order');
  items.slice(0, steps.length).forEach((item, i) => {
    assert.match(item.title, new RegExp(`^${i + 1}\\. `));
    assert.equal(item.after, i ? steps[i - 1] : '', `${item.id} waits for the step before it`);
  });
  const remedials = [...new Set(curriculum.steps.map((s) => s.remedial).filter((r) => r && !steps.includes(r)))];
  assert.deepEqual(items.slice(steps.length).map((i) => i.id), remedials, 'then the remedial cases not already steps');
  for (const r of items.slice(steps.length)) assert.match(r.title, /^Remedial: /);
  // a curriculum naming a scenario the library lacks is refused, naming the step
  const bad = path.join(root, 'bad-curriculum.json');
  fs.writeFileSync(bad, JSON.stringify({ ...curriculum, steps: [{ scenario: 'no-such-case' }] }));
  assert.throws(() => execFileSync('node', [path.join(here, '../../web/tools/scorm_package.mjs'), '--site', process.env.TRACTUS_SITE_DIR,
                                            '--library', libraryDir, '--schemas', schemaDir, '--curriculum', bad, '--out', out],
                                   { stdio: ['ignore', 'pipe', 'pipe'] }),
                (e) => /\$\.steps\[0\]\.scenario names "no-such-case", which is not in the library/.test(String(e.stderr)));
});

test('an assessment passed in the LMS is recorded as passed with its score and time', async () => {
  const { page, sco, context } = await openLms('contraindication-osteoporosis');
  const first = await lms(page);
  assert.equal(first.initialized, true, 'the page found the API and initialised');
  assert.deepEqual(first.sets.find(([e]) => e === 'cmi.core.lesson_status'), ['cmi.core.lesson_status', 'incomplete']);
  await startAssessment(sco);
  await screenshot(sco, 'scorm-assessment.png');
  await screenAndDeclineOsteoporosis(sco);
  await clickWidget(sco, 'toolbar.end_session');
  const s = await waitForState(sco, (x) => x.screen === 'debrief', 'the debrief');
  assert.equal(s.passed, true);
  const cmi = await waitForCommit(page, (c) => c.core.lesson_status === 'passed', 'lesson_status passed');
  assert.equal(Number(cmi.core.score.raw), Math.round(s.score));
  assert.equal(Number(cmi.core.score.min), 0);
  assert.equal(Number(cmi.core.score.max), 100);
  assert.match(cmi.core.session_time, kTimespan);
  await page.waitForTimeout(300);
  await screenshot(sco, 'scorm-passed.png');
  assert.match(await page.frames()[1].evaluate(() => document.getElementById('lms-badge').title),
               /Sent to your LMS: passed, score \d+/);
  // the LMS closes the activity: the page finishes, with nothing to resume
  await page.evaluate(() => document.getElementById('sco').remove());
  await page.waitForFunction(() => window.lms.finished !== null, null, { timeout: 10000 });
  const done = (await lms(page)).finished.cmi;
  assert.equal(done.core.lesson_status, 'passed');
  assert.equal(done.core.exit, '');
  assert.equal(done.suspend_data, '', 'a finished session leaves nothing to resume');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an assessment with a critical error is recorded as failed', async () => {
  const { page, sco, context } = await openLms('contraindication-osteoporosis');
  await startAssessment(sco);
  await clickWidget(sco, 'patient.fit_harness');
  await clickWidget(sco, 'patient.give_stop_switch');
  await clickWidget(sco, 'toolbar.speed_10');
  await clickWidget(sco, 'console.start');
  await waitForState(sco, (x) => x.state === 'TREATING', 'treatment to start');
  await clickWidget(sco, 'toolbar.end_session');
  const s = await waitForState(sco, (x) => x.screen === 'debrief', 'the debrief');
  assert.equal(s.passed, false);
  assert.ok(s.critical_errors >= 1);
  const cmi = await waitForCommit(page, (c) => c.core.lesson_status === 'failed', 'lesson_status failed');
  assert.equal(Number(cmi.core.score.raw), Math.round(s.score));
  assert.match(cmi.core.session_time, kTimespan);
  await screenshot(sco, 'scorm-failed.png');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a session left in the LMS resumes from suspend_data in a browser with empty storage', async () => {
  const first = await openLms('routine-lumbar-l45');
  await startAssessment(first.sco);
  await clickWidget(first.sco, 'patient.fit_harness');
  await clickWidget(first.sco, 'patient.give_stop_switch');
  const left = await waitForState(first.sco, (x) => x.saved && x.saved.live && x.saved.live.actions >= 2, 'two actions');
  await first.page.waitForTimeout(2500);  // the session file is saved about once a second
  await first.page.evaluate(() => document.getElementById('sco').remove());
  await first.page.waitForFunction(() => window.lms.finished !== null, null, { timeout: 10000 });
  const kept = (await lms(first.page)).finished.cmi;
  assert.equal(kept.core.exit, 'suspend', 'a session left running asks the LMS to keep it');
  assert.ok(kept.suspend_data.startsWith('tractus1:'), `suspend_data: ${kept.suspend_data.slice(0, 40)}`);
  assert.ok(kept.suspend_data.length <= 4096, `${kept.suspend_data.length} characters`);
  console.log(`suspend_data for ${left.saved.live.actions} actions: ${kept.suspend_data.length} characters`);
  await first.context.close();

  // a new launch with what the LMS kept, and no browser storage at all
  const second = await openLms('routine-lumbar-l45', { core: { lesson_status: kept.core.lesson_status, entry: 'resume' },
                                                       suspend_data: kept.suspend_data });
  const offered = await waitForState(second.sco, (x) => x.saved && x.saved.resume_offer, 'the resume offer');
  assert.match(offered.saved.resume_offer.title, /L4-5/);
  await clickWidget(second.sco, 'start.resume');
  const resumed = await waitForState(second.sco, (x) => x.screen === 'training' && x.saved.resumed, 'the resumed session');
  assert.equal(resumed.saved.resumed.actions, left.saved.live.actions);
  assert.equal(resumed.harness_fitted, true);
  await screenshot(second.sco, 'scorm-resumed.png');
  assert.deepEqual(second.page.errors, []);
  await second.context.close();
});

test('with no LMS around, the package page runs on its own and says nothing of an LMS', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}pkg/index.html?mode=train&scenario=routine-lumbar-l45&session=assessment`);
  await page.waitForFunction(() => window.tractus && window.tractus.ready(), null, { timeout: 90000 });
  const s = await waitForState(page, (x) => x.screen === 'training', 'the assessment');
  assert.equal(s.saved.session_running, true, 'the assessment runs as it does standalone');
  assert.deepEqual(await page.evaluate(() => [typeof window.tractusLms, !!document.getElementById('lms-badge')]),
                   ['undefined', false]);
  assert.deepEqual(errors, []);
  await context.close();
});
