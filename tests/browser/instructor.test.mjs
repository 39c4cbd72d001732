// The instructor panel: a fault injected live from the panel reaches the firmware through the
// twin's side of the HAL and raises its alarm on the console, and the active fault stays listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitForState, clickWidget, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { if (env) await env.close(); });

test('a power loss injected from the instructor panel raises an alarm on the console', async () => {
  const page = await openPage(env.browser, `${env.url}?mode=sandbox`);
  await waitForState(page, (s) => s.screen === 'sandbox' && s.state === 'IDLE', 'the sandbox table');
  await clickWidget(page, 'console.confirm_harness');
  await clickWidget(page, 'toolbar.speed_10');
  await clickWidget(page, 'console.start');
  await waitForState(page, (s) => s.state === 'TREATING' && s.measured_force_n > 50, 'traction under way');
  await clickWidget(page, 'toolbar.instructor');
  await clickWidget(page, 'instructor.component');
  await clickWidget(page, 'instructor.component.power');
  await clickWidget(page, 'instructor.fault');
  await clickWidget(page, 'instructor.fault.power.loss');
  await clickWidget(page, 'instructor.inject');
  const s = await waitForState(page, (x) => x.alarm_code >= 300, 'a critical alarm on the console');
  assert.ok(s.active_faults.includes('power.loss'), `active faults: ${s.active_faults}`);
  await page.waitForTimeout(500);
  await screenshot(page, 'instructor-fault.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});
