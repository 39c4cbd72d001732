// [SECTION] index
//   limits          the relay's per-connection and per-address limits
//   attachRelay     the WebSocket endpoint on the HTTP server's upgrade event
//   connections     one trainee or instructor connection: rate limits, strikes, sending
//   messages        what each client message does
//   persistence     the rooms written to a file, so a relay restart resumes them
//
// The classroom relay: trainee pages publish their station's state, instructors who claimed
// a station see it and send actions, which reach the trainee's page with an id and a number
// and are never taken or forwarded twice. The relay only carries messages; the trainee's page
// owns its session and never waits on it.
import fs from 'node:fs';
import { WebSocketServer } from 'ws';
import { hashKey } from './codes.mjs';
import { noSuchRoom, RoomRegistry, stationSummary } from './rooms.mjs';
import { maxMessageBytes, parseClientMessage } from './schema.mjs';
import { TokenBucket } from './rate_limit.mjs';

// [SECTION] limits
/** Defaults for the relay's limits; each is documented where it is used. */
export const defaultRelayLimits = Object.freeze({
  messagesPerS: 20, messageBurst: 40,     // every message of one connection (state is 5-10 Hz)
  actionsPerS: 5, actionBurst: 10,        // an instructor's actions, on top of that
  joinsPerMin: 20, joinBurst: 10,         // create, claim and resume per client address
  socketsPerAddress: 64,                  // open relay connections from one address
  strikesToClose: 20,                     // bad or rate-limited messages before a close (1008)
  heartbeatMs: 15_000,                    // a ping each period; no pong by the next, closed
  sendBufferBytes: 1 << 20,               // a slower reader misses state rather than queueing
  saveDelayMs: 1_000,                     // rooms are written at most this often
});

const closeCodes = { policy: 1008, replaced: 4001 };

// [SECTION] attachRelay
/**
 * Serves the relay at `path` (default '/relay') on an http.Server's upgrade event. Options:
 * limits (over defaultRelayLimits), roomLimits (over defaultRoomLimits), now (a clock in ms),
 * roomsFile (where rooms are kept across a restart; none keeps them in memory only).
 * Returns { registry, close() }.
 */
export function attachRelay(server, options = {}) {
  const lim = { ...defaultRelayLimits, ...options.limits };
  const now = options.now ?? Date.now;
  const path = options.path ?? '/relay';
  const registry = new RoomRegistry(options.roomLimits, now);
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  const conns = new Set();        // every open relay connection
  const trainees = new Map();     // room id -> its trainee's connection
  const instructors = new Map();  // instructor key hash -> Set of connections
  const perAddress = new Map();   // client address -> { sockets, joins: TokenBucket }
  const saver = options.roomsFile ? roomSaver(registry, options.roomsFile, lim.saveDelayMs) : null;

  const addressOf = (ip) => {
    let a = perAddress.get(ip);
    if (!a) { a = { sockets: 0, joins: new TokenBucket(lim.joinsPerMin / 60, lim.joinBurst, now) }; perAddress.set(ip, a); }
    return a;
  };

  const onUpgrade = (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status) => { socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`); };
    if (req.url.split('?')[0] !== path) { refuse('404 Not Found'); return; }
    // a page from another site must not open a relay connection in a trainee's browser
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host = null;
      try { host = new URL(origin).host; } catch { /* refused below */ }
      if (host !== req.headers.host) { refuse('403 Forbidden'); return; }
    }
    const ip = req.socket.remoteAddress ?? '?';
    const addr = addressOf(ip);
    if (addr.sockets >= lim.socketsPerAddress) { refuse('503 Service Unavailable'); return; }
    wss.handleUpgrade(req, socket, head, (ws) => {
      addr.sockets++;
      ws.on('close', () => { addr.sockets--; });
      connect(ws, addr);
    });
  };
  server.on('upgrade', onUpgrade);

  // [SECTION] connections
  const send = (conn, msg) => {
    if (conn.ws.readyState !== 1) return;
    if (conn.ws.bufferedAmount > lim.sendBufferBytes && msg.t === 'state') return;
    conn.ws.send(JSON.stringify(msg));
  };
  const toInstructors = (room, msg) => {
    if (!room.instructorHash) return;
    for (const c of instructors.get(room.instructorHash) ?? []) send(c, msg);
  };
  const strike = (conn, error) => {
    send(conn, { t: 'error', ...error });
    if (++conn.strikes >= lim.strikesToClose) conn.ws.close(closeCodes.policy, 'too many refused messages');
  };

  function connect(ws, addr) {
    const conn = {
      ws, addr, role: null, room: null, hash: null, strikes: 0, alive: true,
      messages: new TokenBucket(lim.messagesPerS, lim.messageBurst, now),
      actions: new TokenBucket(lim.actionsPerS, lim.actionBurst, now),
    };
    ws.on('pong', () => { conn.alive = true; });
    ws.on('error', () => {});
    ws.on('close', () => detach(conn));
    ws.on('message', (data, isBinary) => {
      if (!conn.messages.take()) {
        strike(conn, { code: 'rate_limited', message: `message: over ${lim.messagesPerS} a second` });
        return;
      }
      const parsed = parseClientMessage(isBinary ? null : data.toString('utf8'));
      if (parsed.error) { strike(conn, { code: 'bad_message', message: parsed.error }); return; }
      const refusal = handle(conn, parsed.msg);
      if (refusal) strike(conn, refusal);
    });
    conns.add(conn);
  }

  function detach(conn) {
    conns.delete(conn);
    if (conn.role === 'trainee' && trainees.get(conn.room) === conn) {
      trainees.delete(conn.room);
      const room = registry.rooms.get(conn.room);
      if (room) toInstructors(room, { t: 'station', room: room.id, connected: false });
    } else if (conn.role === 'instructor') {
      const set = instructors.get(conn.hash);
      set?.delete(conn);
      if (set && set.size === 0) instructors.delete(conn.hash);
    }
  }

  function bindTrainee(conn, room) {
    const older = trainees.get(room.id);
    if (older && older !== conn) {
      older.role = null;
      older.ws.close(closeCodes.replaced, 'this station connected again elsewhere');
    }
    conn.role = 'trainee';
    conn.room = room.id;
    trainees.set(room.id, conn);
  }

  function bindInstructor(conn, hash) {
    conn.role = 'instructor';
    conn.hash = hash;
    if (!instructors.has(hash)) instructors.set(hash, new Set());
    instructors.get(hash).add(conn);
  }

  // [SECTION] messages
  const notAllowed = (what) => ({ code: 'not_allowed', message: `${what}` });
  const joinLimited = { code: 'rate_limited', message: `join: over ${lim.joinsPerMin} creates, claims and resumes a minute from this address` };

  // acts on one valid message; returns an error to send back, or nothing
  function handle(conn, msg) {
    switch (msg.t) {
      case 'create': {
        if (conn.role) return notAllowed('create: this connection is already a station or an instructor');
        if (!conn.addr.joins.take()) return joinLimited;
        const made = registry.create(msg);
        if (made.error) return made.error;
        bindTrainee(conn, made.room);
        send(conn, { t: 'created', room: made.room.id, code: made.code, code_expires_in_s: Math.round((made.codeExpiresAtMs - now()) / 1000), key: made.key });
        return null;
      }
      case 'claim': {
        if (conn.role === 'trainee') return notAllowed('claim: a station cannot claim another station');
        if (!conn.addr.joins.take()) return joinLimited;
        if (conn.role === 'instructor' && (!msg.key || hashKey(msg.key) !== conn.hash)) {
          return notAllowed('claim.key: must be this connection\'s instructor key');
        }
        const got = registry.claim(msg.code, msg.name, msg.key);
        if (got.error) return got.error;
        if (!conn.role) bindInstructor(conn, got.room.instructorHash);
        send(conn, { t: 'claimed', key: got.key, station: stationSummary(got.room), connected: trainees.has(got.room.id) });
        const trainee = trainees.get(got.room.id);
        if (trainee) send(trainee, { t: 'instructor', name: msg.name });
        return null;
      }
      case 'resume': {
        if (conn.role) return notAllowed('resume: this connection is already a station or an instructor');
        if (!conn.addr.joins.take()) return joinLimited;
        if (msg.role === 'trainee') {
          const room = registry.traineeRoom(msg.room, msg.key);
          if (!room) return noSuchRoom;
          bindTrainee(conn, room);
          registry.touch(room);
          send(conn, { t: 'resumed', role: 'trainee', room: room.id, instructor: room.instructorName });
          for (const e of registry.unapplied(room, msg.applied)) send(conn, { t: 'action', n: e.n, id: e.id, action: e.action });
          toInstructors(room, { t: 'station', room: room.id, connected: true });
          return null;
        }
        const hash = hashKey(msg.key);
        const rooms = registry.roomsOf(hash);
        if (rooms.length === 0) return { code: 'no_such_key', message: 'resume.key: no room is held by this key' };
        bindInstructor(conn, hash);
        send(conn, { t: 'resumed', role: 'instructor', stations: rooms.map((r) => ({ ...stationSummary(r), connected: trainees.has(r.id) })) });
        return null;
      }
      case 'state': case 'result': {
        if (conn.role !== 'trainee') return notAllowed(`${msg.t}: only a station publishes its ${msg.t}`);
        const room = registry.rooms.get(conn.room);
        if (!room) return noSuchRoom;
        if (msg.t === 'state') room.lastState = { seq: msg.seq, sim_us: msg.sim_us, ...msg.state };
        else room.lastResult = msg.result;
        registry.touch(room);
        toInstructors(room, msg.t === 'state'
          ? { t: 'state', room: room.id, seq: msg.seq, sim_us: msg.sim_us, state: msg.state }
          : { t: 'result', room: room.id, result: msg.result });
        return null;
      }
      case 'action': {
        if (conn.role !== 'instructor') return notAllowed('action: only an instructor who claimed the station acts on it');
        if (!conn.actions.take()) return { code: 'rate_limited', message: `action: over ${lim.actionsPerS} a second`, id: msg.id };
        const room = registry.instructorRoom(msg.room, conn.hash);
        if (!room) return { ...noSuchRoom, id: msg.id };
        const took = registry.acceptAction(room, msg.id, msg.action);
        if (took.error) return { ...took.error, id: msg.id };
        const e = took.entry;
        const trainee = trainees.get(room.id);
        const status = took.duplicate ? (e.applied ? 'applied' : 'duplicate') : (trainee ? 'relayed' : 'queued');
        send(conn, { t: 'ack', room: room.id, id: e.id, n: e.n, status });
        if (!took.duplicate && trainee) send(trainee, { t: 'action', n: e.n, id: e.id, action: e.action });
        return null;
      }
      case 'applied': {
        if (conn.role !== 'trainee') return notAllowed('applied: only the station reports what it applied');
        const room = registry.rooms.get(conn.room);
        if (!room) return noSuchRoom;
        const done = registry.markApplied(room, msg.n, msg.id, msg.sim_us, msg.refused);
        if (done.error) return done.error;
        const refused = msg.refused === undefined ? {} : { refused: msg.refused };
        if (!done.again) toInstructors(room, { t: 'applied', room: room.id, n: msg.n, id: msg.id, sim_us: msg.sim_us, ...refused });
        return null;
      }
      default:
        return notAllowed(`message.t: '${msg.t}'`);
    }
  }

  // a ping each period; a connection that did not answer the last one is cut
  const heartbeat = setInterval(() => {
    for (const c of conns) {
      if (!c.alive) { c.ws.terminate(); continue; }
      c.alive = false;
      c.ws.ping();
    }
    registry.sweep();
    for (const [ip, a] of perAddress) if (a.sockets === 0) perAddress.delete(ip);
  }, lim.heartbeatMs);
  heartbeat.unref();

  return {
    registry,
    /** Stops the relay: closes every connection and writes the rooms once more. */
    close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const c of conns) c.ws.terminate();
      wss.close();
      saver?.flush();
    },
  };
}

// [SECTION] persistence
// loads the rooms file if there is one, then writes the rooms (hashes, never keys) through a
// temporary file whenever they change, at most every delayMs
function roomSaver(registry, file, delayMs) {
  try {
    if (fs.existsSync(file)) registry.restore(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    console.error(`relay: ${file}: ${err.message}; starting with no rooms`);
  }
  let timer = null;
  const write = () => {
    timer = null;
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(registry.snapshot()));
    fs.renameSync(tmp, file);
  };
  registry.onChange = () => { if (!timer) { timer = setTimeout(write, delayMs); timer.unref(); } };
  return { flush() { if (timer) { clearTimeout(timer); write(); } } };
}
