// The relay's rooms: one trainee station each, claimed by one instructor's key, holding the
// station's latest state and result and every instructor action it was sent, by id. Keys are
// kept only as hashes. Nothing here touches the network, so it is tested on a fake clock.
import { canonicalCode, hashKey, newJoinCode, newKey, newRoomId, sameHash } from './codes.mjs';

/** Defaults for the room limits; each is documented where it is used. */
export const defaultRoomLimits = Object.freeze({
  codeTtlMs: 15 * 60_000,        // an unclaimed join code expires after this
  roomIdleMs: 4 * 3600_000,      // a room nobody has touched for this long is removed
  maxRooms: 256,                 // rooms on the relay at once; a create past this is refused
  maxRoomsPerInstructor: 40,     // stations one instructor key can hold (a class)
  maxActionsPerRoom: 2_000,      // instructor actions one room keeps (every id, for dedup)
});

/** The same refusal for a code that never existed, has expired or is already claimed, so a
 *  guess learns nothing about other rooms. */
export const noSuchCode = { code: 'no_such_code', message: 'claim.code: no open room has this code (it may have expired)' };
export const noSuchRoom = { code: 'no_such_room', message: 'room: no room of yours has this id' };

/** What an instructor sees of a station. */
export function stationSummary(room) {
  return { room: room.id, name: room.name, scenario: room.scenario, state: room.lastState, result: room.lastResult };
}

export class RoomRegistry {
  /** limits overrides defaultRoomLimits; now returns milliseconds. */
  constructor(limits = {}, now = Date.now) {
    this.limits = { ...defaultRoomLimits, ...limits };
    this.now = now;
    this.rooms = new Map();  // room id -> room
    this.codes = new Map();  // canonical join code -> room id, while unclaimed
    this.onChange = () => {};
  }

  /** Opens a room for a trainee's station. Returns { room, code, codeExpiresAtMs, key }
   *  (key: the trainee's, to resume), or { error } when the relay is full. */
  create({ name, scenario }) {
    this.sweep();
    if (this.rooms.size >= this.limits.maxRooms) {
      return { error: { code: 'relay_full', message: `create: the relay already holds ${this.limits.maxRooms} rooms` } };
    }
    let code;
    do code = newJoinCode(); while (this.codes.has(canonicalCode(code)));
    const key = newKey();
    const t = this.now();
    const room = {
      id: newRoomId(), name, scenario, lastActiveMs: t,
      code: canonicalCode(code), codeExpiresAtMs: t + this.limits.codeTtlMs,
      traineeHash: hashKey(key), instructorHash: null, instructorName: null,
      lastState: null, lastResult: null, actions: [], byId: new Map(),
    };
    this.rooms.set(room.id, room);
    this.codes.set(room.code, room.id);
    this.onChange();
    return { room, code, codeExpiresAtMs: room.codeExpiresAtMs, key };
  }

  /**
   * An instructor claims the room behind a join code. key is the instructor's key from an
   * earlier claim (one key holds a class) or undefined for a new one. The code works once:
   * claimed, it is gone. Returns { room, key } or { error }.
   */
  claim(typedCode, name, key) {
    this.sweep();
    const code = canonicalCode(typedCode);
    const room = code && this.rooms.get(this.codes.get(code));
    if (!room || room.instructorHash || room.codeExpiresAtMs <= this.now()) return { error: noSuchCode };
    const instructorKey = key ?? newKey();
    const hash = hashKey(instructorKey);
    if (this.roomsOf(hash).length >= this.limits.maxRoomsPerInstructor) {
      return { error: { code: 'class_full', message: `claim: one instructor holds at most ${this.limits.maxRoomsPerInstructor} stations` } };
    }
    room.instructorHash = hash;
    room.instructorName = name;
    this.codes.delete(code);
    room.code = null;
    this.touch(room);
    return { room, key: instructorKey };
  }

  /** The room a trainee's key opens, or null. */
  traineeRoom(roomId, key) {
    const room = this.rooms.get(roomId);
    return room && sameHash(room.traineeHash, hashKey(key)) ? room : null;
  }

  /** The room with this id if the instructor whose key hashes to hash holds it, else null. */
  instructorRoom(roomId, hash) {
    const room = this.rooms.get(roomId);
    return room && room.instructorHash && sameHash(room.instructorHash, hash) ? room : null;
  }

  /** Every room held by the instructor key whose hash is given. */
  roomsOf(hash) {
    return [...this.rooms.values()].filter((r) => r.instructorHash && sameHash(r.instructorHash, hash));
  }

  /** Marks a room as in use now, so it does not expire. */
  touch(room) {
    room.lastActiveMs = this.now();
    this.onChange();
  }

  /**
   * Takes an instructor action for a room. An id the room has seen before is not taken again:
   * it returns { duplicate: true, entry } with the first one. Else { entry } with its sequence
   * number n (1, 2, ...), or { error } when the room is at its action limit.
   */
  acceptAction(room, id, action) {
    const seen = room.byId.get(id);
    if (seen) return { duplicate: true, entry: seen };
    if (room.actions.length >= this.limits.maxActionsPerRoom) {
      return { error: { code: 'room_full', message: `action: this room has taken its ${this.limits.maxActionsPerRoom} actions` } };
    }
    const entry = { n: room.actions.length + 1, id, action, applied: null };
    room.actions.push(entry);
    room.byId.set(id, entry);
    this.touch(room);
    return { entry };
  }

  /**
   * Records that the trainee's session applied action n (id) at sim_us, or could not (refused:
   * why; it is handled all the same and never re-sent). Returns { entry } the
   * first time, { entry, again: true } for a repeat (never forwarded twice), or { error } for
   * an action the room never sent.
   */
  markApplied(room, n, id, simUs, refused) {
    const entry = room.actions[n - 1];
    if (!entry || entry.id !== id) return { error: { code: 'bad_message', message: 'applied.n: this room sent no action with this number and id' } };
    if (entry.applied) return { entry, again: true };
    entry.applied = refused === undefined ? { sim_us: simUs } : { sim_us: simUs, refused };
    this.touch(room);
    return { entry };
  }

  /** The actions after number `after` the trainee has not applied: what a resume re-sends. */
  unapplied(room, after) {
    return room.actions.filter((e) => e.n > after && !e.applied);
  }

  /** Removes rooms idle past roomIdleMs and join codes past their expiry. */
  sweep() {
    const t = this.now();
    let changed = false;
    for (const [code, id] of this.codes) {
      const room = this.rooms.get(id);
      if (!room || room.codeExpiresAtMs <= t) { this.codes.delete(code); if (room) room.code = null; changed = true; }
    }
    for (const [id, room] of this.rooms) {
      if (room.lastActiveMs + this.limits.roomIdleMs <= t) { this.rooms.delete(id); changed = true; }
    }
    if (changed) this.onChange();
  }

  /** A plain-JSON copy of every room (hashes, never keys), for a relay restart. */
  snapshot() {
    return { version: 1, rooms: [...this.rooms.values()].map(({ byId, ...r }) => r) };
  }

  /** Loads a snapshot written by snapshot(); returns the number of rooms loaded. */
  restore(snap) {
    if (!snap || snap.version !== 1 || !Array.isArray(snap.rooms)) return 0;
    for (const r of snap.rooms) {
      const room = { ...r, byId: new Map(r.actions.map((e) => [e.id, e])) };
      this.rooms.set(room.id, room);
      if (room.code) this.codes.set(room.code, room.id);
    }
    this.sweep();
    return this.rooms.size;
  }
}
