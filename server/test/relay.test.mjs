// The classroom relay against honest and hostile clients: rooms by join code, one instructor
// key per class, state out, actions in with ids (never taken twice), resume after a drop or a
// relay restart, schema and size bounds, rate limits, and no leakage between rooms.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '../lib/http_server.mjs';
import { connectRelay, sleep } from './relay_client.mjs';
import { makeSite } from './helpers.mjs';

const codeForm = /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/;
const fx = makeSite();
after(() => fs.rmSync(fx.root, { recursive: true, force: true }));

// a server with a relay on a clock that runs offsetMs ahead of the real one; every test client
// comes from 127.0.0.1, so only the test of join limits keeps the per-address join limit
async function startRelay(relayOptions = {}, joinBurst = 1000) {
  const clock = { offsetMs: 0 };
  const relay = { now: () => Date.now() + clock.offsetMs, ...relayOptions, limits: { joinBurst, ...relayOptions.limits } };
  const { server } = await serve(fx.site, 0, '127.0.0.1', { relay });
  return { server, clock, port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

// a trainee's station with an open room, and an instructor who claimed it
async function station(port, name = 'Ann', instructorKey) {
  const trainee = await connectRelay(port);
  const created = await trainee.ask({ t: 'create', name, scenario: 'routine-lumbar-l45' }, 'created');
  const instructor = await connectRelay(port);
  const claimed = await instructor.ask({ t: 'claim', code: created.code, name: 'Dr Lee', ...(instructorKey ? { key: instructorKey } : {}) }, 'claimed');
  return { trainee, instructor, created, claimed };
}

describe('rooms', () => {
  let r;
  before(async () => { r = await startRelay(); });
  after(() => r.close());

  test('a room gets a short join code, 45 bits, that expires, and a trainee key', async () => {
    const t = await connectRelay(r.port);
    const c = await t.ask({ t: 'create', name: 'Ann', scenario: 'routine-lumbar-l45' }, 'created');
    assert.match(c.code, codeForm);
    assert.equal(c.code_expires_in_s, 900);
    assert.match(c.key, /^[A-Za-z0-9_-]{22}$/);
    assert.match(c.room, /^[A-Za-z0-9_-]{11}$/);
    t.close();
  });

  test('the instructor claims by code as typed; the trainee hears who; the code works once', async () => {
    const trainee = await connectRelay(r.port);
    const c = await trainee.ask({ t: 'create', name: 'Ann', scenario: 'routine-lumbar-l45' }, 'created');
    const typed = ` ${c.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    const instructor = await connectRelay(r.port);
    const claimed = await instructor.ask({ t: 'claim', code: typed, name: 'Dr Lee' }, 'claimed');
    assert.equal(claimed.station.room, c.room);
    assert.equal(claimed.connected, true);
    assert.match(claimed.key, /^[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(await trainee.next((m) => m.t === 'instructor'), { t: 'instructor', name: 'Dr Lee' });
    const thief = await connectRelay(r.port);
    const refused = await thief.ask({ t: 'claim', code: c.code, name: 'Bob' }, 'claimed');
    assert.equal(refused.code, 'no_such_code');
    const never = await thief.ask({ t: 'claim', code: 'ZZZ-ZZZ-ZZZ', name: 'Bob' }, 'claimed');
    assert.deepEqual(never, refused, 'a used code and a code that never existed must look the same');
    [trainee, instructor, thief].forEach((x) => x.close());
  });

  test('an unclaimed code expires after 15 minutes', async () => {
    const trainee = await connectRelay(r.port);
    const c = await trainee.ask({ t: 'create', name: 'Ann', scenario: '' }, 'created');
    r.clock.offsetMs = 15 * 60_000 + 1;
    try {
      const instructor = await connectRelay(r.port);
      assert.equal((await instructor.ask({ t: 'claim', code: c.code, name: 'Dr Lee' }, 'claimed')).code, 'no_such_code');
      instructor.close();
    } finally { r.clock.offsetMs = 0; }
    trainee.close();
  });

  test('one instructor key holds a class of stations and resumes it', async () => {
    const a = await station(r.port, 'Ann');
    const b = await station(r.port, 'Ben', a.claimed.key);
    assert.equal(b.claimed.key, a.claimed.key);
    a.trainee.send({ t: 'state', seq: 1, sim_us: 1000, state: { force_n: 120.5, alarm: null } });
    await a.instructor.next((m) => m.t === 'state');
    const again = await connectRelay(r.port);
    const resumed = await again.ask({ t: 'resume', role: 'instructor', key: a.claimed.key }, 'resumed');
    assert.deepEqual(resumed.stations.map((s) => s.name).sort(), ['Ann', 'Ben']);
    const ann = resumed.stations.find((s) => s.name === 'Ann');
    assert.deepEqual(ann.state, { seq: 1, sim_us: 1000, force_n: 120.5, alarm: null });
    assert.equal(ann.connected, true);
    const stranger = await connectRelay(r.port);
    const bad = await stranger.ask({ t: 'resume', role: 'instructor', key: 'A'.repeat(22) }, 'resumed');
    assert.equal(bad.code, 'no_such_key');
    [a.trainee, a.instructor, b.trainee, b.instructor, again, stranger].forEach((x) => x.close());
  });
});

describe('state and actions', () => {
  let r;
  before(async () => { r = await startRelay(); });
  after(() => r.close());

  test('state reaches the instructor of its room and nobody else', async () => {
    const a = await station(r.port, 'Ann');
    const b = await station(r.port, 'Ben');  // another instructor, another class
    a.trainee.send({ t: 'state', seq: 7, sim_us: 5_000_000, state: { force_n: 300 } });
    const got = await a.instructor.next((m) => m.t === 'state');
    assert.deepEqual(got, { t: 'state', room: a.created.room, seq: 7, sim_us: 5_000_000, state: { force_n: 300 } });
    await sleep(150);
    assert.ok(!b.instructor.got.some((m) => m.t === 'state'), 'room B\'s instructor saw room A\'s state');
    assert.ok(!b.trainee.got.some((m) => m.t === 'state'));
    [a.trainee, a.instructor, b.trainee, b.instructor].forEach((x) => x.close());
  });

  test('an action is relayed, applied once, and a repeated id is never taken again', async () => {
    const s = await station(r.port);
    const action = { action: 'inject_fault', name: 'drive.runaway' };
    const ack = await s.instructor.ask({ t: 'action', room: s.created.room, id: 'act-1', action }, 'ack');
    assert.deepEqual(ack, { t: 'ack', room: s.created.room, id: 'act-1', n: 1, status: 'relayed' });
    assert.deepEqual(await s.trainee.next((m) => m.t === 'action'), { t: 'action', n: 1, id: 'act-1', action });
    s.trainee.send({ t: 'applied', n: 1, id: 'act-1', sim_us: 42_000_000 });
    assert.deepEqual(await s.instructor.next((m) => m.t === 'applied'), { t: 'applied', room: s.created.room, n: 1, id: 'act-1', sim_us: 42_000_000 });
    // the instructor's page sends it again (a retry after a drop): acknowledged, not relayed
    const dup = await s.instructor.ask({ t: 'action', room: s.created.room, id: 'act-1', action }, 'ack');
    assert.equal(dup.status, 'applied');
    assert.equal(dup.n, 1);
    // the trainee reports it twice: not forwarded twice
    s.trainee.send({ t: 'applied', n: 1, id: 'act-1', sim_us: 42_000_000 });
    const second = await s.instructor.ask({ t: 'action', room: s.created.room, id: 'act-2', action: { action: 'pause' } }, 'ack');
    assert.equal(second.n, 2);
    await s.trainee.next((m) => m.t === 'action' && m.id === 'act-2');
    await sleep(100);
    assert.ok(!s.trainee.got.some((m) => m.t === 'action'), 'an action reached the trainee twice');
    assert.ok(!s.instructor.got.some((m) => m.t === 'applied'), 'an applied report was forwarded twice');
    s.trainee.close(); s.instructor.close();
  });

  test('an action the station could not take is reported refused, with why, and not re-sent', async () => {
    const s = await station(r.port);
    const action = { action: 'inject_fault', name: 'drum.melt' };
    await s.instructor.ask({ t: 'action', room: s.created.room, id: 'bad-1', action }, 'ack');
    await s.trainee.next((m) => m.t === 'action');
    const refused = "action.name: 'drum.melt' is not a known fault";
    s.trainee.send({ t: 'applied', n: 1, id: 'bad-1', sim_us: 3_000_000, refused });
    assert.deepEqual(await s.instructor.next((m) => m.t === 'applied'),
      { t: 'applied', room: s.created.room, n: 1, id: 'bad-1', sim_us: 3_000_000, refused });
    const dup = await s.instructor.ask({ t: 'action', room: s.created.room, id: 'bad-1', action }, 'ack');
    assert.equal(dup.status, 'applied');
    const tooLong = await s.trainee.ask({ t: 'applied', n: 1, id: 'bad-1', sim_us: 1, refused: 'x'.repeat(281) }, 'error');
    assert.match(tooLong.message, /message\.refused: must be 1-280 characters/);
    s.trainee.close(); s.instructor.close();
  });

  test('only the holder of the room\'s instructor key acts on it', async () => {
    const a = await station(r.port, 'Ann');
    const b = await station(r.port, 'Ben');
    const act = { t: 'action', room: a.created.room, id: 'x1', action: { action: 'message', text: 'hello' } };
    assert.equal((await b.instructor.ask(act, 'ack')).code, 'no_such_room');      // another instructor
    assert.equal((await b.trainee.ask(act, 'ack')).code, 'not_allowed');          // another trainee
    assert.equal((await a.trainee.ask(act, 'ack')).code, 'not_allowed');          // its own trainee
    const stranger = await connectRelay(r.port);
    assert.equal((await stranger.ask(act, 'ack')).code, 'not_allowed');         // nobody at all
    assert.equal((await stranger.ask({ t: 'resume', role: 'trainee', room: a.created.room, key: b.created.key, applied: 0 }, 'resumed')).code, 'no_such_room');
    assert.equal((await b.trainee.ask({ t: 'claim', code: 'AAA-AAA-AAA', name: 'x' }, 'claimed')).code, 'not_allowed');
    await sleep(100);
    assert.ok(!a.trainee.got.some((m) => m.t === 'action'), 'a refused action reached the trainee');
    [a.trainee, a.instructor, b.trainee, b.instructor, stranger].forEach((x) => x.close());
  });

  test('actions sent while the trainee is away are queued and delivered once on resume', async () => {
    const s = await station(r.port);
    s.trainee.close();
    assert.deepEqual(await s.instructor.next((m) => m.t === 'station'), { t: 'station', room: s.created.room, connected: false });
    const ack = await s.instructor.ask({ t: 'action', room: s.created.room, id: 'late-1', action: { action: 'say', text: 'It hurts!' } }, 'ack');
    assert.equal(ack.status, 'queued');
    const back = await connectRelay(r.port);
    back.send({ t: 'resume', role: 'trainee', room: s.created.room, key: s.created.key, applied: 0 });
    assert.equal((await back.next((m) => m.t === 'resumed')).instructor, 'Dr Lee');
    assert.equal((await back.next((m) => m.t === 'action')).id, 'late-1');
    assert.deepEqual(await s.instructor.next((m) => m.t === 'station'), { t: 'station', room: s.created.room, connected: true });
    back.send({ t: 'applied', n: 1, id: 'late-1', sim_us: 1 });
    await s.instructor.next((m) => m.t === 'applied');
    back.close();
    // once applied it is not sent again, whatever the page says it applied
    const again = await connectRelay(r.port);
    await again.ask({ t: 'resume', role: 'trainee', room: s.created.room, key: s.created.key, applied: 0 }, 'resumed');
    await sleep(150);
    assert.ok(!again.got.some((m) => m.t === 'action'));
    again.close(); s.instructor.close();
  });

  test('a second connection for the same station replaces the first', async () => {
    const s = await station(r.port);
    const other = await connectRelay(r.port);
    await other.ask({ t: 'resume', role: 'trainee', room: s.created.room, key: s.created.key, applied: 0 }, 'resumed');
    assert.equal((await s.trainee.whenClosed).code, 4001);
    other.close(); s.instructor.close();
  });
});

describe('hostile clients', () => {
  let r;
  before(async () => { r = await startRelay(); });
  after(() => r.close());

  test('each malformed message is refused naming the field and the reason', async () => {
    const c = await connectRelay(r.port);
    const cases = [
      ['not json', 'message: is not valid JSON'],
      ['[1,2]', 'message: must be an object'],
      ['{"t":"create","name":"","scenario":""}', 'message.name: must be 1-64 characters'],
      ['{"t":"create","name":"Ann","scenario":"x","admin":true}', 'message.admin: is not a member of this message'],
      ['{"t":"create","name":"Ann","scenario":"../../etc"}', 'message.scenario: has characters outside'],
      ['{"t":"__proto__"}', 'message.t: must be one of'],
      ['{"t":"state","seq":1.5,"sim_us":0,"state":{}}', 'message.seq: must be an integer'],
      ['{"t":"state","seq":1,"sim_us":0,"state":{"a":{"__proto__":{"x":1}}}}', "message.state.a: key '__proto__' is not allowed"],
      [`{"t":"state","seq":1,"sim_us":0,"state":${'{"a":'.repeat(12)}1${'}'.repeat(12)}}`, 'nested deeper than 8'],
      ['{"t":"action","room":"abcdefghijk","id":"a b","action":{"action":"pause"}}', 'message.id: has characters outside'],
      ['{"t":"action","room":"abcdefghijk","id":"a","action":{"action":"set_speed","value":1000}}', 'message.action.action: must be one of'],
      ['{"t":"action","room":"abcdefghijk","id":"a","action":{"action":"inject_fault","name":"drive.runaway","when":{"on":"time","at_s":-1}}}', 'message.action.when.at_s: must be 0-86400'],
    ];
    for (const [text, reason] of cases) {
      const reply = await c.ask(text, 'never');
      assert.equal(reply.code, 'bad_message', text);
      assert.ok(reply.message.includes(reason), `${text}: ${reply.message}`);
    }
    c.send(Buffer.from([1, 2, 3]));
    assert.match((await c.next()).message, /must be JSON text, not binary/);
    c.close();
  });

  test('a message over 32 KiB closes the connection (1009) and the relay lives', async () => {
    const c = await connectRelay(r.port);
    c.send(JSON.stringify({ t: 'result', result: { pad: 'x'.repeat(40_000) } }));
    assert.equal((await c.whenClosed).code, 1009);
    const ok = await connectRelay(r.port);
    assert.equal((await ok.ask({ t: 'create', name: 'A', scenario: '' }, 'created')).t, 'created');
    ok.close();
  });

  test('twenty refused messages close the connection (1008)', async () => {
    const c = await connectRelay(r.port);
    for (let i = 0; i < 20; i++) c.send('{}');
    assert.equal((await c.whenClosed).code, 1008);
  });

  test('a burst of state past the rate limit is refused, not relayed; a flood is cut off', async () => {
    const s = await station(r.port);
    // the create took one of the 40-message burst allowance; 15 over it are refused, the
    // connection stays (under 20 strikes)
    for (let i = 0; i < 54; i++) s.trainee.send({ t: 'state', seq: i, sim_us: i, state: { i } });
    await sleep(300);
    const relayed = s.instructor.got.filter((m) => m.t === 'state').length;
    const limited = s.trainee.got.filter((m) => m.code === 'rate_limited').length;
    assert.ok(relayed >= 39 && relayed <= 41, `relayed ${relayed} of a burst of 54 (burst allowance 40, 20 a second)`);
    assert.equal(relayed + limited, 54);
    assert.equal(s.trainee.closed, null);
    for (let i = 0; i < 100; i++) s.trainee.send({ t: 'state', seq: i, sim_us: i, state: { i } });
    assert.equal((await s.trainee.whenClosed).code, 1008);
    s.instructor.close();
  });

  test('guessing join codes is limited per address, however many connections', async () => {
    const strict = await startRelay({}, 10);  // the default burst
    const replies = [];
    for (let i = 0; i < 15; i++) {
      const c = await connectRelay(strict.port);
      replies.push((await c.ask({ t: 'claim', code: `AAA-AAA-A${'0123456789ABCDE'[i]}`, name: 'x' }, 'claimed')).code);
      c.close();
    }
    assert.equal(replies.filter((x) => x === 'no_such_code').length, 10);  // the burst allowance
    assert.equal(replies.filter((x) => x === 'rate_limited').length, 5);
    await strict.close();
  });

  test('upgrades from another site\'s page or to another path are refused', async () => {
    await assert.rejects(connectRelay(r.port, { Origin: 'http://evil.example' }), { status: 403 });
    await assert.rejects(connectRelay(r.port, {}, '/other'), { status: 404 });
    const same = await connectRelay(r.port, { Origin: `http://127.0.0.1:${r.port}` });
    same.close();
  });
});

describe('relay restart', () => {
  test('rooms, keys and action ids survive a restart; both sides resume', async () => {
    const roomsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-rooms-')), 'rooms.json');
    let r = await startRelay({ roomsFile, limits: { saveDelayMs: 10 } });
    const s = await station(r.port);
    await s.instructor.ask({ t: 'action', room: s.created.room, id: 'pre-1', action: { action: 'pause' } }, 'ack');
    await s.trainee.next((m) => m.t === 'action');
    s.trainee.send({ t: 'applied', n: 1, id: 'pre-1', sim_us: 9 });
    await s.instructor.next((m) => m.t === 'applied');
    await r.close();
    assert.ok(!fs.readFileSync(roomsFile, 'utf8').includes(s.created.key), 'a key was written to disk');
    assert.ok(!fs.readFileSync(roomsFile, 'utf8').includes(s.claimed.key), 'a key was written to disk');

    r = await startRelay({ roomsFile, limits: { saveDelayMs: 10 } });
    const instructor = await connectRelay(r.port);
    const resumed = await instructor.ask({ t: 'resume', role: 'instructor', key: s.claimed.key }, 'resumed');
    assert.deepEqual(resumed.stations.map((x) => x.room), [s.created.room]);
    const trainee = await connectRelay(r.port);
    await trainee.ask({ t: 'resume', role: 'trainee', room: s.created.room, key: s.created.key, applied: 1 }, 'resumed');
    assert.equal((await instructor.ask({ t: 'action', room: s.created.room, id: 'pre-1', action: { action: 'pause' } }, 'ack')).status, 'applied');
    const fresh = await instructor.ask({ t: 'action', room: s.created.room, id: 'post-1', action: { action: 'pause' } }, 'ack');
    assert.deepEqual([fresh.n, fresh.status], [2, 'relayed']);
    assert.equal((await trainee.next((m) => m.t === 'action')).id, 'post-1');
    await r.close();
    fs.rmSync(path.dirname(roomsFile), { recursive: true, force: true });
  });
});
