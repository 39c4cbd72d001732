// The relay's parts without a network: join codes, keys, the token bucket and the room
// registry's expiry and dedup, on a fake clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalCode, codeSymbols, hashKey, newJoinCode, sameHash } from '../lib/relay/codes.mjs';
import { TokenBucket } from '../lib/relay/rate_limit.mjs';
import { RoomRegistry } from '../lib/relay/rooms.mjs';

test('a join code carries at least 40 bits and reads back however it is typed', () => {
  assert.ok(codeSymbols * Math.log2(32) >= 40);
  assert.equal(newJoinCode(() => Buffer.from([0, 1, 2, 31, 32, 63, 255, 10, 17])), '012-Z0Z-ZAH');
  assert.equal(canonicalCode('k7q-2mx-9td'), 'K7Q2MX9TD');
  assert.equal(canonicalCode(' K7Q 2MX 9TD '), 'K7Q2MX9TD');
  assert.equal(canonicalCode('o1l-iii-000'), '011111000');  // O reads as 0, I and L as 1
  assert.equal(canonicalCode('K7Q-2MX-9TU'), null);          // U is not in the alphabet
  assert.equal(canonicalCode('K7Q-2MX'), null);
  assert.equal(canonicalCode(42), null);
  // 20,000 fresh codes: no repeats (the chance of one in 2^45 codes is about 6e-6), every
  // symbol of the 32 used at every position
  const codes = new Set();
  const perPosition = Array.from({ length: codeSymbols }, () => new Set());
  for (let i = 0; i < 20_000; i++) {
    const c = canonicalCode(newJoinCode());
    codes.add(c);
    [...c].forEach((ch, j) => perPosition[j].add(ch));
  }
  assert.equal(codes.size, 20_000);
  assert.ok(perPosition.every((s) => s.size === 32));
});

test('keys are compared by hash in constant time', () => {
  assert.ok(sameHash(hashKey('abc'), hashKey('abc')));
  assert.ok(!sameHash(hashKey('abc'), hashKey('abd')));
  assert.ok(!sameHash(hashKey('abc'), 'short'));
  assert.ok(!sameHash(null, hashKey('abc')));
});

test('the token bucket allows its burst, then its rate', () => {
  let t = 0;
  const b = new TokenBucket(5, 10, () => t);
  let taken = 0;
  for (let i = 0; i < 20; i++) taken += b.take() ? 1 : 0;
  assert.equal(taken, 10);
  t += 1000;  // one second: five more
  taken = 0;
  for (let i = 0; i < 20; i++) taken += b.take() ? 1 : 0;
  assert.equal(taken, 5);
  t += 60_000;  // a long pause refills to the burst, no further
  taken = 0;
  for (let i = 0; i < 20; i++) taken += b.take() ? 1 : 0;
  assert.equal(taken, 10);
});

test('rooms expire when idle; codes when unclaimed; the relay holds a bounded number', () => {
  let t = 0;
  const reg = new RoomRegistry({ maxRooms: 3, roomIdleMs: 1000, codeTtlMs: 500 }, () => t);
  const a = reg.create({ name: 'A', scenario: '' });
  reg.create({ name: 'B', scenario: '' });
  reg.create({ name: 'C', scenario: '' });
  assert.equal(reg.create({ name: 'D', scenario: '' }).error.code, 'relay_full');
  t = 499;
  assert.ok(reg.claim(a.code, 'I', undefined).key);
  t = 600;
  assert.equal(reg.rooms.size, 3);
  t = 1200;  // B and C idle since 0; A touched by its claim at 499
  reg.sweep();
  assert.deepEqual([...reg.rooms.values()].map((r) => r.name), ['A']);
  t = 1500;
  reg.sweep();
  assert.equal(reg.rooms.size, 0);
  assert.ok(reg.create({ name: 'E', scenario: '' }).code);  // room again for a new one
});

test('an action id is taken once; numbers count up; applied is recorded once', () => {
  const reg = new RoomRegistry({ maxActionsPerRoom: 2 }, () => 0);
  const { room } = reg.create({ name: 'A', scenario: '' });
  assert.equal(reg.acceptAction(room, 'x', { action: 'pause' }).entry.n, 1);
  const dup = reg.acceptAction(room, 'x', { action: 'say', text: 'other' });
  assert.ok(dup.duplicate);
  assert.deepEqual(dup.entry.action, { action: 'pause' });  // the first one stands
  assert.equal(reg.acceptAction(room, 'y', { action: 'pause' }).entry.n, 2);
  assert.equal(reg.acceptAction(room, 'z', { action: 'pause' }).error.code, 'room_full');
  assert.equal(reg.markApplied(room, 1, 'y', 5).error.code, 'bad_message');  // wrong id for n
  assert.ok(!reg.markApplied(room, 1, 'x', 5).again);
  assert.ok(reg.markApplied(room, 1, 'x', 5).again);
  assert.deepEqual(reg.unapplied(room, 0).map((e) => e.id), ['y']);
});
