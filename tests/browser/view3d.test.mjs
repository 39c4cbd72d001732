// The 3D view's x-ray spine, part labels, spine camera and cervical unit, toggled through the
// toolbar as a user would; screenshots at 1280x720, 1024x768 and at a device pixel ratio of 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, state, waitForState, waitFrames, clickWidget, waitForWidget, screenshot } from './harness.mjs';

// the x-ray spine is one draw call of the procedural chain (anatomy_mesh_test.cpp bounds it
// to 5,000-40,000 vertices): T10 to the pelvis is well over 10,000 triangles
const kLumbarSpineTriangles = 10000;

let env;
before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

test('x-ray adds the spine to the scene and labels name the parts during a pull', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`);
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state === 'IDLE', 'the sandbox table');
  await waitFrames(page, 3);
  const plain = await state(page);
  assert.equal(plain.xray, false);
  assert.equal(plain.scene_labels, 0);
  await screenshot(page, 'view3d-normal.png');

  await clickWidget(page, 'toolbar.labels');
  const labelled = await waitForState(page, (s) => s.scene_labels > 0, 'labels queued');
  // carriage, tower, pull-angle arm, both harnesses and the hi-lo base
  assert.ok(labelled.scene_labels >= 6, `labels: ${labelled.scene_labels}`);

  await clickWidget(page, 'console.confirm_harness');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 150, 'traction under way');
  const before = await state(page);
  await clickWidget(page, 'toolbar.xray');
  const xray = await waitForState(page, (s) => s.xray, 'x-ray on');
  assert.equal(before.spine_triangles, 0);
  assert.ok(xray.spine_triangles >= kLumbarSpineTriangles, `spine triangles ${xray.spine_triangles}`);
  assert.ok(xray.scene_triangles >= before.scene_triangles + xray.spine_triangles,
            `triangles ${before.scene_triangles} -> ${xray.scene_triangles}`);
  // x-ray adds the vertebra, disc and nerve-root labels
  assert.ok(xray.scene_labels >= labelled.scene_labels + 4, `labels ${labelled.scene_labels} -> ${xray.scene_labels}`);
  await screenshot(page, 'view3d-xray-labels.png');

  await clickWidget(page, 'toolbar.view');  // at 1280 px the view presets are one menu
  await clickWidget(page, 'toolbar.view.spine');
  await waitFrames(page, 3);
  await screenshot(page, 'view3d-spine-camera.png');

  await clickWidget(page, 'toolbar.xray');
  const off = await waitForState(page, (s) => !s.xray, 'x-ray off');
  assert.ok(off.scene_draw_calls < xray.scene_draw_calls);
  assert.equal(off.spine_triangles, 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the sandbox console region cervical draws the cervical unit and chain', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`);
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state === 'IDLE', 'the sandbox table');
  await clickWidget(page, 'toolbar.xray');
  const lumbar = await waitForState(page, (s) => s.xray, 'x-ray on');
  await clickWidget(page, 'console.region');
  await clickWidget(page, 'console.region.Cervical');
  await clickWidget(page, 'toolbar.labels');
  await clickWidget(page, 'toolbar.view');
  await clickWidget(page, 'toolbar.view.spine');
  const cervical = await state(page);
  // the cervical chain (C2 to T1, no pelvis) replaces the lumbar one
  assert.ok(cervical.spine_triangles > 0 && lumbar.spine_triangles > 0);
  assert.notEqual(cervical.spine_triangles, lumbar.spine_triangles, 'the chain on show changed');
  await screenshot(page, 'view3d-cervical.png');

  // Start fits the cervical unit on the twin and pulls the cervical default, 25 lbf
  assert.equal(cervical.unit, 'lumbar');
  await clickWidget(page, 'toolbar.xray');  // x-ray costs SwiftShader 0.5 s a frame
  await waitForState(page, (s) => !s.xray, 'x-ray off');
  await clickWidget(page, 'console.confirm_harness');
  await waitForState(page, (s) => s.harness_confirmed, 'the harness confirmation');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  const set_n = 25 * 4.44822162;
  const pulling = await waitForState(
    page, (s) => s.state === 'TREATING' && Math.abs(s.measured_force_n - set_n) <= 0.05 * set_n,
    'the cervical pull at its set force');
  assert.equal(pulling.unit, 'cervical');
  assert.ok(Math.abs(pulling.prescribed_force_n - set_n) < 0.01 * set_n, `prescribed ${pulling.prescribed_force_n} N`);
  assert.ok(Math.abs(pulling.cord_tension_n - set_n) <= 0.05 * set_n, `cord ${pulling.cord_tension_n} N`);
  await screenshot(page, 'view3d-cervical-pull.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// dispatches each key's keydown and keyup in one task, so they all land between two frames
async function keyBurst(page, keys) {
  await page.evaluate((keys) => {
    for (const [key, keyCode] of keys) {
      for (const type of ['keydown', 'keyup']) {
        const ev = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
        Object.defineProperty(ev, 'keyCode', { get: () => keyCode });
        window.dispatchEvent(ev);
      }
    }
  }, keys);
  await waitFrames(page, keys.length + 4);
}

// holds the mouse down on a widget for holdMs of wall time, then lets go
async function holdWidget(page, id, holdMs) {
  const r = await waitForWidget(page, id);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await waitFrames(page, 3);
  await page.waitForTimeout(holdMs);
  const held = await state(page);
  await page.mouse.up();
  await waitFrames(page, 3);
  return held;
}

test('the pull-angle arm steps in 1-degree detents within 0-35 deg, and the hi-lo pendant moves the table only at rest', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`);
  const idle = await waitForState(page, (s) => s.screen === 'sandbox' && s.state === 'IDLE', 'the sandbox table');
  // the input's + button sits at its right end, - just left of it
  const arm = await waitForWidget(page, 'hardware.pull_angle');
  const start_deg = idle.pull_angle_deg;
  await clickWidget(page, 'hardware.pull_angle', arm.w - arm.h / 2);
  await clickWidget(page, 'hardware.pull_angle', arm.w - arm.h / 2);
  await waitForState(page, (s) => s.pull_angle_deg === start_deg + 2, `the arm at ${start_deg + 2} deg`);
  // a typed angle past the arm's travel stops at its end
  await clickWidget(page, 'hardware.pull_angle', 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await waitForState(page, (s) => s.pull_angle_deg === 35, 'the arm at its 35 deg end');
  // a burst of keys inside one frame (a slow frame on a software rasteriser) keeps every press
  // and its order: End, six Backspaces, "12", Enter
  await clickWidget(page, 'hardware.pull_angle', 40);
  await keyBurst(page, [['End', 35], ...Array(6).fill(['Backspace', 8]), ['1', 49], ['2', 50], ['Enter', 13]]);
  await waitForState(page, (s) => s.pull_angle_deg === 12, 'the arm at the 12 deg typed in one burst');

  // at rest the pendant raises the column (20 mm/s while held)
  const low = await state(page);
  const raised = await holdWidget(page, 'hardware.hilo_up', 1500);
  assert.ok(raised.table_height_mm > low.table_height_mm + 5, `${low.table_height_mm} -> ${raised.table_height_mm} mm`);
  const after_up = await state(page);
  await waitFrames(page, 10);
  assert.equal((await state(page)).table_height_mm, after_up.table_height_mm, 'the column stops when let go');
  await screenshot(page, 'view3d-hardware.png');

  // in treatment the firmware locks the pendant out and warns (204); the table does not move
  await clickWidget(page, 'console.confirm_harness');
  await waitForState(page, (s) => s.harness_confirmed, 'the harness confirmation');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 20, 'traction under way');
  const before = await state(page);
  const r = await waitForWidget(page, 'hardware.hilo_down');
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  const warned = await waitForState(page, (s) => s.alarm_code === 204, 'the hi-lo lockout warning (204)', 20000);
  await page.waitForTimeout(1000);
  const held = await state(page);
  await screenshot(page, 'view3d-hilo-locked.png');
  await page.mouse.up();
  assert.equal(warned.state, 'TREATING');
  assert.equal(held.state, 'TREATING');
  assert.equal(held.table_height_mm, before.table_height_mm, 'the column stayed put');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('labels and x-ray at a device pixel ratio of 2, and training at 1024x768', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`, { width: 1280, height: 720 }, 2);
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state === 'IDLE', 'the sandbox table');
  await clickWidget(page, 'toolbar.xray');
  await clickWidget(page, 'toolbar.labels');
  // clicks at CSS positions reached the toggles, and the canvas draws at twice the CSS size
  const s = await waitForState(page, (x) => x.xray && x.scene_labels > 0, 'x-ray and labels at DPR 2');
  assert.ok(s.scene_labels > 0);
  const canvas = await page.evaluate(() => { const c = document.querySelector('canvas'); return [c.width, c.clientWidth]; });
  assert.equal(canvas[0], 2 * canvas[1], `canvas ${canvas}`);
  await screenshot(page, 'view3d-dpr2.png');
  assert.deepEqual(page.errors, []);
  await page.close();

  const train = await openPage(env.browser, `${env.url}?mode=train&scenario=routine-lumbar-l45`,
                               { width: 1024, height: 768 });
  await waitForState(train, (x) => x.screen === 'training', 'a training session');
  await clickWidget(train, 'toolbar.xray');
  await waitForState(train, (x) => x.xray, 'x-ray on in training');
  await screenshot(train, 'view3d-training-1024.png');
  // the chart and patient column folds to a strip, widening the 3D view, and unfolds again
  const column = await train.evaluate(() => window.tractus.widget('chart.collapse'));
  await clickWidget(train, 'chart.collapse');
  const strip = await train.evaluate(() => window.tractus.widget('chart.expand'));
  assert.ok(strip && strip.x + strip.w < column.x, `strip ${JSON.stringify(strip)}, column ${JSON.stringify(column)}`);
  await waitFrames(train, 3);
  await screenshot(train, 'view3d-training-1024-folded.png');
  await clickWidget(train, 'chart.expand');
  await waitForState(train, (x) => x.screen === 'training', 'training');
  assert.ok(await train.evaluate(() => window.tractus.widget('chart.collapse')));
  assert.deepEqual(train.errors, []);
  await train.close();
});
