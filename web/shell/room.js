// The trainee page's classroom room (issue 16; docs/classroom.md, section 3). One WebSocket to
// the relay at /relay of the page's own server: it opens a room and shows its join code and a
// QR symbol for the instructor's device, streams the station's state at 5 Hz and the session's
// result when it ends, and hands each instructor action to the session once. The session never
// waits on it: a drop only changes what the classroom panel says, and the page reconnects on
// its own. The room and its key are kept in sessionStorage, so a reload resumes the room.
(function () {
  'use strict';

  const kStateIntervalMs = 200;               // 5 Hz: the instructor sees the table move
  const kRetryMs = [500, 1000, 2000, 4000, 8000];  // reconnect back-off after a drop
  const kStore = 'tractus.room';              // { room, key, code, name, applied }

  let ws = null;
  let want = false;          // the trainee asked for a room and has not left it
  let room = null;           // { room, key, code, name, applied } once the relay created it
  let view = { status: 'closed', code: '', url: '', size: 0, modules: '', instructor: '', message: '' };
  let expiresAtMs = 0;
  let retries = 0;
  let retryTimer = 0;
  let stateTimer = 0;
  let seq = 0;
  let pendingResult = null;  // a finished session's result not yet sent
  const stats = { stateMessages: 0, stateBytes: 0, actions: [], opened: 0 };

  const ready = () => typeof Module !== 'undefined' && Module.calledRun && typeof Module.ccall === 'function';
  const call = (name, ret, types, args) => Module.ccall(name, ret, types, args);

  function load() {
    try { return JSON.parse(sessionStorage.getItem(kStore) || 'null'); } catch (e) { return null; }
  }
  function save() {
    try {
      if (room) sessionStorage.setItem(kStore, JSON.stringify(room)); else sessionStorage.removeItem(kStore);
    } catch (e) { /* private mode: the room lasts as long as the page */ }
  }

  // the address the instructor's device opens, and its QR symbol as '1'/'0' modules
  function joinUrl(code) {
    const u = new URL(location.href);
    u.search = '';
    u.hash = '';
    u.searchParams.set('mode', 'instructor');
    u.searchParams.set('room', code.replace(/-/g, ''));
    return u.toString();
  }
  function qrModules(text) {
    if (typeof qrcode !== 'function') return { size: 0, modules: '' };
    const qr = qrcode(0, 'M');  // the smallest version that holds the address, medium error correction
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    let modules = '';
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) modules += qr.isDark(r, c) ? '1' : '0';
    return { size: n, modules };
  }

  // hands the panel's view to the trainer
  function show(changes) {
    Object.assign(view, changes);
    if (!ready()) return;
    const leftS = view.status === 'open' ? Math.max(0, (expiresAtMs - Date.now()) / 1000) : 0;
    call('tractus_room_update', null,
      ['string', 'string', 'string', 'number', 'string', 'string', 'number', 'string'],
      [view.status, view.code, view.url, view.size, view.modules, view.instructor, leftS, view.message]);
  }

  function send(msg) {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    const text = JSON.stringify(msg);
    ws.send(text);
    return text.length;
  }

  function relayUrl() {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/relay';
  }

  function connect() {
    clearTimeout(retryTimer);
    // a page opened from a file (the single-file package) has no server: "ws:///relay" would
    // even parse as a host named "relay". Said on the next turn, after the trainer has marked
    // the room as connecting.
    if (!/^https?:$/.test(location.protocol)) {
      want = false;
      setTimeout(() => show({ status: 'unavailable', message: 'This page was opened from a file: a ' +
                              'classroom needs the trainer served by ./tractus serve.' }), 0);
      return;
    }
    let socket;
    try { socket = new WebSocket(relayUrl()); } catch (e) { dropped(null, String(e.message || e)); return; }
    ws = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      retries = 0;
      if (room) send({ t: 'resume', role: 'trainee', room: room.room, key: room.key, applied: room.applied });
      else send({ t: 'create', name: want.name, scenario: want.scenario });
    };
    socket.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      onMessage(msg);
    };
    socket.onclose = (ev) => {
      if (ws !== socket) return;
      ws = null;
      dropped(ev, opened ? '' : 'no answer');
    };
  }

  function dropped(ev, why) {
    if (!want) return;
    if (ev && ev.code === 4001) {  // this station was opened again elsewhere (another tab)
      want = false;
      room = null;
      save();
      show({ status: 'unavailable', code: '', url: '', size: 0, modules: '', instructor: '',
             message: 'This room was taken over by another page of this station.' });
      return;
    }
    if (!room) {  // never had a room: say why, and let the trainee try again
      want = false;
      show({ status: 'unavailable', message: 'No classroom relay answered at ' + relayUrl() +
             ': the trainer must be served by ./tractus serve for a classroom.' });
      return;
    }
    const wait = kRetryMs[Math.min(retries, kRetryMs.length - 1)];
    retries++;
    show({ status: 'reconnecting', message: 'Next try in ' + Math.round(wait / 1000) + ' s.' });
    retryTimer = setTimeout(connect, wait);
  }

  function onMessage(msg) {
    switch (msg.t) {
      case 'created': {
        room = { room: msg.room, key: msg.key, code: msg.code, name: want.name, applied: 0 };
        save();
        expiresAtMs = Date.now() + msg.code_expires_in_s * 1000;
        const url = joinUrl(msg.code);
        const qr = qrModules(url);
        stats.opened = performance.now();
        show({ status: 'open', code: msg.code, url, size: qr.size, modules: qr.modules, instructor: '', message: '' });
        break;
      }
      case 'resumed': {
        const url = joinUrl(room.code);
        const qr = qrModules(url);
        if (msg.instructor) show({ status: 'claimed', code: room.code, url, size: qr.size, modules: qr.modules, instructor: msg.instructor, message: '' });
        else show({ status: 'open', code: room.code, url, size: qr.size, modules: qr.modules, message: '' });
        break;
      }
      case 'instructor':
        show({ status: 'claimed', instructor: msg.name, message: '' });
        break;
      case 'action':
        onAction(msg);
        break;
      case 'error':
        if (!room) {  // the relay refused to open a room (its limits): say so, no retry
          want = false;
          if (ws) ws.close(1000);
          show({ status: 'unavailable', message: 'The classroom relay refused a room: ' + msg.message });
        }
        break;
      default:
        break;
    }
  }

  // an instructor action: applied once (its number is remembered across drops and reloads),
  // and reported with the session time it was applied at
  function onAction(msg) {
    if (!ready() || !room) return;
    if (msg.n <= room.applied) return;  // applied before a drop; the relay has it already
    const answer = JSON.parse(call('tractus_room_apply', 'string', ['string'], [JSON.stringify(msg.action)]));
    room.applied = msg.n;
    save();
    const simUs = answer.applied ? answer.sim_us : call('tractus_room_session_us', 'number', [], []);
    const report = { t: 'applied', n: msg.n, id: msg.id, sim_us: Math.max(0, simUs) };
    const refused = !answer.applied || !answer.accepted;
    if (refused) report.refused = (answer.message || 'the session refused it').slice(0, 280);
    send(report);
    stats.actions.push({ n: msg.n, id: msg.id, applied: answer.applied, accepted: !!answer.accepted, at: performance.now() });
  }

  // the state stream, and the result once a session ends
  function tick() {
    if (!want || !ready()) return;
    if (view.status === 'open') show({});  // the code's time left
    if (!room || !ws || ws.readyState !== WebSocket.OPEN) return;
    const text = call('tractus_room_state', 'string', [], []);
    if (text) {
      const state = JSON.parse(text);
      const bytes = send({ t: 'state', seq: ++seq, sim_us: Math.max(0, Math.round(state.t_s * 1e6)), state });
      if (bytes) { stats.stateMessages++; stats.stateBytes += bytes; }
    }
    const result = call('tractus_room_result', 'string', [], []);
    if (result) pendingResult = JSON.parse(result);
    if (pendingResult && send({ t: 'result', result: pendingResult })) pendingResult = null;
  }

  window.tractusRoom = {
    /** Opens a room for this station (the classroom panel's "Open a room"). */
    open(name, scenario) {
      if (want) return;
      want = { name: String(name || 'Trainee').slice(0, 64), scenario: String(scenario || '').slice(0, 64) };
      room = null;
      save();
      show({ status: 'connecting', code: '', url: '', size: 0, modules: '', instructor: '', message: '' });
      connect();
      clearInterval(stateTimer);
      stateTimer = setInterval(tick, kStateIntervalMs);
    },
    /** Leaves the room: the relay connection closes and the in-page instructor panel returns. */
    leave() {
      want = false;
      room = null;
      save();
      clearTimeout(retryTimer);
      clearInterval(stateTimer);
      if (ws) { const s = ws; ws = null; s.close(1000); }
      view = { status: 'closed', code: '', url: '', size: 0, modules: '', instructor: '', message: '' };
    },
    /** What a test or a diagnostics page reads: the view and the streamed totals. */
    status() {
      return { ...view, room: room ? room.room : '', applied: room ? room.applied : 0,
               connected: !!ws && ws.readyState === WebSocket.OPEN, stats: { ...stats, actions: stats.actions.slice() } };
    },
  };

  // ?mode=mirror: the instructor's page (its parent) hands this page the station's record so
  // far, and the trainer draws that station's table from it
  if (new URLSearchParams(location.search).get('mode') === 'mirror') {
    let pending = null;
    const feed = () => {
      if (!pending || !ready()) return;
      const why = call('tractus_mirror_feed', 'string', ['string'], [pending]);
      if (why) console.warn('station view: ' + why);
      pending = null;
    };
    window.addEventListener('message', (ev) => {
      if (ev.origin !== location.origin || !ev.data || ev.data.t !== 'mirror') return;
      pending = JSON.stringify(ev.data.record);
      feed();
    });
    setInterval(feed, 200);  // a record that came before the trainer was running
  }

  // a reload inside a room resumes it once the trainer is running
  const kept = load();
  if (kept && kept.room && kept.key) {
    const resume = () => {
      if (!ready()) { setTimeout(resume, 200); return; }
      want = { name: kept.name || 'Trainee', scenario: '' };
      room = kept;
      show({ status: 'reconnecting', code: kept.code, message: '' });
      connect();
      stateTimer = setInterval(tick, kStateIntervalMs);
    };
    resume();
  }
})();
