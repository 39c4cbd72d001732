// The instructor's station (issue 16; docs/classroom.md): ?mode=instructor on a second device.
// It claims trainee stations by their join codes with one instructor key (kept in localStorage,
// so a reload or a network drop resumes the whole class), shows the class as a grid and one
// station live (console, twin, patient, timeline), marks stale data, and sends the instructor's
// actions with ids, so a resend after a drop is never applied twice. Everything shown comes
// from the network, so it is set as text, never as markup.
(function () {
  'use strict';

  const kStore = 'tractus.instructor';        // { key, name }
  const kStaleMs = 2000;                      // no state for this long: the data is stale
  const kRetryMs = [500, 1000, 2000, 4000, 8000];

  const params = new URLSearchParams(location.search);
  const saved = (() => { try { return JSON.parse(localStorage.getItem(kStore) || '{}'); } catch (e) { return {}; } })();
  const app = {
    key: saved.key || '', name: saved.name || '',
    ws: null, connected: false, retries: 0, message: '',
    stations: new Map(),   // room -> { room, name, scenario, state, result, connected, lastMs, timeline: Map, actions: Map }
    selected: '',
    actions: [],           // { id, room, action, text, status, n, at_s, refused, sentMs }
    results: [],           // finished sessions: { room, name, ...result }
    catalogue: { faults: [], reactions: [] },
    serial: 0,
  };
  const persist = () => { try { localStorage.setItem(kStore, JSON.stringify({ key: app.key, name: app.name })); } catch (e) { /* kept in memory */ } };

  // [SECTION] markup helpers: text only
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
    return e;
  }
  const lbf = (n) => (typeof n === 'number' && app.units ? (n / app.units.newtons_per_lbf).toFixed(1) : '-');
  const clock = (s) => {
    if (typeof s !== 'number') return '-';
    const m = Math.floor(s / 60);
    return `${String(m).padStart(2, '0')}:${(s - m * 60).toFixed(0).padStart(2, '0')}`;
  };
  const freshness = (st) => {
    if (!st.connected) return { word: 'offline', cls: 'offline' };
    if (!st.lastMs || Date.now() - st.lastMs > kStaleMs) return { word: 'stale', cls: 'stale' };
    return { word: 'live', cls: '' };
  };

  // [SECTION] the relay connection
  function relayUrl() { return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/relay'; }
  function send(msg) {
    if (!app.ws || app.ws.readyState !== WebSocket.OPEN) return false;
    app.ws.send(JSON.stringify(msg));
    return true;
  }
  function connect() {
    let ws;
    try { ws = new WebSocket(relayUrl()); } catch (e) { app.message = String(e.message || e); render(); return; }
    app.ws = ws;
    ws.onopen = () => {
      app.connected = true;
      app.retries = 0;
      if (app.key) send({ t: 'resume', role: 'instructor', key: app.key });
      else if (params.get('room') && app.name) claim(params.get('room'), app.name);
      render();
    };
    ws.onmessage = (ev) => { let m; try { m = JSON.parse(ev.data); } catch (e) { return; } onMessage(m); };
    ws.onclose = () => {
      if (app.ws !== ws) return;
      app.ws = null;
      app.connected = false;
      for (const st of app.stations.values()) st.lastMs = 0;
      const wait = kRetryMs[Math.min(app.retries++, kRetryMs.length - 1)];
      app.message = app.retries > 1 || app.key ? `The classroom relay dropped; reconnecting in ${Math.round(wait / 1000)} s.` : 'No classroom relay answered: open this page from ./tractus serve.';
      setTimeout(connect, wait);
      render();
    };
  }
  function dropCodeFromUrl() {
    if (!params.get('room')) return;
    params.delete('room');
    history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
  }
  function claim(code, name) {
    const msg = { t: 'claim', code: String(code).slice(0, 32), name: String(name).slice(0, 64) };
    if (app.key) msg.key = app.key;
    if (!send(msg)) { app.message = 'Not connected to the classroom relay yet.'; render(); }
  }
  function station(room) {
    let st = app.stations.get(room);
    if (!st) { st = { room, name: '', scenario: '', state: null, result: null, connected: false, lastMs: 0, timeline: new Map(), actions: new Map() }; app.stations.set(room, st); }
    return st;
  }
  function take(summary) {
    const st = station(summary.room);
    st.name = summary.name || st.name;
    st.scenario = summary.scenario || st.scenario;
    if (summary.state) onState({ room: summary.room, state: summary.state }, false);
    if (summary.result) st.result = summary.result;
    st.connected = !!summary.connected;
    return st;
  }
  function onState(m, live = true) {
    const st = station(m.room);
    st.state = m.state;
    if (live) st.lastMs = Date.now();
    for (const e of (m.state && m.state.timeline) || []) st.timeline.set(e.i, e);
    const rec = m.state && m.state.record;
    if (rec) {
      // a new session on the station (another scenario or seed, or fewer actions) starts afresh
      const head = `${rec.scenario.id}/${rec.scenario.version}/${rec.seed}/${rec.mode}`;
      if (st.recordHead !== head || rec.actions_n < st.actions.size) { st.actions = new Map(); st.recordHead = head; }
      for (const a of rec.actions) { const { i, ...action } = a; st.actions.set(i, action); }
      st.record = rec;
      if (live && st.room === app.selected) feedMirror(st);
    }
  }
  // the station's record so far, once every action up to its newest has arrived
  function recordOf(st) {
    const rec = st.record;
    if (!rec || st.actions.size < rec.actions_n) return null;
    const actions = [];
    for (let i = 0; i < rec.actions_n; i++) { if (!st.actions.has(i)) return null; actions.push(st.actions.get(i)); }
    return { format: 'tractus-session-record', format_version: 1, scenario: rec.scenario, seed: rec.seed, mode: rec.mode,
             actions, end_us: rec.now_us, result: { score: 0, passed: false, timeline_hash: '0000000000000000' } };
  }
  function feedMirror(st) {
    const record = recordOf(st);
    if (record && mirrorFrame.contentWindow) mirrorFrame.contentWindow.postMessage({ t: 'mirror', record }, location.origin);
  }
  function onMessage(m) {
    switch (m.t) {
      case 'claimed': {
        app.key = m.key;
        persist();
        const st = take({ ...m.station, connected: m.connected });
        app.selected = app.selected || st.room;
        app.message = '';
        dropCodeFromUrl();
        resendPending();
        break;
      }
      case 'resumed':
        for (const s of m.stations || []) take(s);
        if (!app.selected && app.stations.size) app.selected = app.stations.keys().next().value;
        app.message = '';
        resendPending();
        // a QR scan while holding a class: the new station joins it under the same key
        if (params.get('room') && app.name && !app.claimedFromUrl) { app.claimedFromUrl = true; claim(params.get('room'), app.name); }
        break;
      case 'state': onState(m); break;
      case 'station': station(m.room).connected = !!m.connected; break;
      case 'result': {
        const st = station(m.room);
        st.result = m.result;
        app.results.push({ room: m.room, station: st.name, received: new Date().toISOString(), ...m.result });
        break;
      }
      case 'ack': {
        const a = app.actions.find((x) => x.id === m.id);
        if (a) { a.n = m.n; if (a.status !== 'applied' && a.status !== 'refused') a.status = m.status; }
        break;
      }
      case 'applied': {
        const a = app.actions.find((x) => x.id === m.id);
        if (a) { a.status = m.refused ? 'refused' : 'applied'; a.at_s = m.sim_us / 1e6; a.refused = m.refused || ''; }
        break;
      }
      case 'error':
        if (m.code === 'no_such_key') {  // the relay no longer holds this class: start a new one
          app.key = '';
          persist();
          if (params.get('room') && app.name) claim(params.get('room'), app.name);
          break;
        }
        app.message = m.code === 'no_such_code'
          ? 'That join code is not valid: it may be mistyped, used already or expired (15 minutes).'
          : `The relay refused: ${m.message}`;
        break;
      default: break;
    }
    render();
  }

  // an action goes out with an id; a resend after a drop carries the same id, so it is never
  // applied twice, and one that cannot be sent says so
  function act(room, action, text) {
    const id = `i${Date.now().toString(36)}-${++app.serial}`;
    const a = { id, room, action, text, status: 'sending', sentMs: Date.now() };
    app.actions.push(a);
    if (!send({ t: 'action', room, id, action })) a.status = 'not sent: offline, will resend';
    render();
  }
  function resendPending() {
    for (const a of app.actions) {
      if (a.status === 'applied' || a.status === 'refused') continue;
      if (send({ t: 'action', room: a.room, id: a.id, action: a.action }) && a.status.startsWith('not sent')) a.status = 'sending';
    }
  }

  // [SECTION] the views: the forms are built once (a station's actions when it is selected), so
  // a state arriving five times a second never closes an open menu or clears what is typed
  const root = el('div', { id: 'instructor' });
  const connChip = el('span', { class: 'conn down', id: 'connection' }, 'Not connected');
  const messageLine = el('p', { class: 'message', id: 'message', role: 'alert' });
  const classBox = el('section', { id: 'class' });
  const infoBox = el('div');
  const actionsBox = el('section', { class: 'actions', id: 'actions' });
  const logBox = el('div', { class: 'log', id: 'log' });
  const timelineBox = el('section', { id: 'timeline' });
  const resultsBox = el('section', { id: 'results' });
  // the station's table in 3D: the trainer itself, rebuilding the station's session from its record
  const mirrorFrame = el('iframe', { id: 'mirror', title: '3D view of the station\'s table', src: '?mode=mirror',
                                     style: 'width:100%; height:340px; border:0; border-radius:6px; background:#dde1e6' });
  const viewBox = el('section', { id: 'view3d' }, el('h2', {}, '3D view'), mirrorFrame,
    el('p', { class: 'hint' }, 'Rebuilt on this device from the station\'s actions; drag to orbit, wheel to zoom.'));
  const stationBox = el('div', { class: 'station' }, el('div', {}, viewBox, infoBox), el('div', {}, actionsBox, timelineBox));
  let actionsFor = '';

  function header() {
    const code = el('input', { name: 'code', placeholder: 'K7Q-2MX-9TD', 'aria-label': 'Join code', value: params.get('room') || '', autocomplete: 'off' });
    const who = el('input', { name: 'name', placeholder: 'Your name', 'aria-label': 'Your name', value: app.name, maxlength: 64 });
    const form = el('form', { class: 'join', onsubmit: (ev) => {
      ev.preventDefault();
      const name = who.value.trim();
      if (!name) { app.message = 'Your name: it is shown to the trainee.'; render(); return; }
      if (!code.value.trim()) { app.message = 'Join code: type the code the trainee\'s page shows.'; render(); return; }
      app.name = name;
      persist();
      claim(code.value.trim(), name);
      code.value = '';
    } },
    el('label', {}, 'Join code', code), el('label', {}, 'Your name', who),
    el('button', { class: 'primary', type: 'submit', id: 'join' }, 'Join station'));
    return el('section', {},
      el('header', {}, el('h1', {}, 'Tractus instructor'),
        el('span', { class: 'sub' }, 'Follow trainee stations and act on their sessions'), connChip),
      form, messageLine);
  }
  function grid() {
    const cards = [...app.stations.values()].map((st) => {
      const s = st.state || {};
      const table = s.table || {};
      const f = freshness(st);
      return el('button', { class: `card${st.room === app.selected ? ' selected' : ''}`, 'data-room': st.room, type: 'button',
                            onclick: () => { app.selected = st.room; render(); feedMirror(st); } },
        el('div', { class: 'who' }, s.trainee || st.name || 'Trainee'),
        el('div', { class: 'what' }, (s.scenario && s.scenario.title) || st.scenario || 'No session on show'),
        el('div', { class: 'row' }, el('span', { class: table.alarm_code >= 300 ? 'alarm' : '' }, table.state || '-'),
          el('span', {}, clock(s.t_s))),
        el('div', { class: 'row' }, el('span', {}, `Score ${typeof s.score === 'number' ? s.score.toFixed(0) : '-'}`),
          el('span', { class: (s.critical_errors || []).length ? 'alarm' : '' }, `${(s.critical_errors || []).length} critical`)),
        el('div', { class: 'row' }, el('span', { class: f.cls }, f.word),
          st.result ? el('span', { class: `chip ${st.result.passed ? 'ok' : 'danger'}` }, st.result.passed ? 'passed' : 'failed') : null));
    });
    return [el('h2', {}, `Class (${app.stations.size} station${app.stations.size === 1 ? '' : 's'})`),
      cards.length ? el('div', { class: 'grid' }, cards) : el('p', { class: 'hint' }, 'No station yet: join one with the code its page shows.')];
  }
  function info(st) {
    const s = st.state || {};
    const table = s.table || {};
    const twin = s.twin || {};
    const patient = s.patient || {};
    const f = freshness(st);
    const consoleSec = el('section', { id: 'console' }, el('h2', {}, `Console: ${s.trainee || st.name}`, ' ',
        el('span', { class: `chip ${table.alarm_code >= 300 ? 'danger' : ''}`, id: 'table-state' }, table.state || '-'),
        f.word !== 'live' ? el('span', { class: f.cls, id: 'freshness' }, ` ${f.word}: as of session ${clock(s.t_s)}`) : null),
      el('div', {}, el('span', { class: 'big', id: 'measured' }, lbf(table.measured_force_n)), ' lbf measured, target ', lbf(table.target_force_n),
        ' lbf, prescribed ', lbf(table.prescribed_force_n), ' lbf'),
      el('div', { class: table.alarm_code ? 'alarm' : 'hint', id: 'alarm' }, table.alarm_code ? `Alarm ${table.alarm_code}: ${table.alarm}` : 'No alarm'),
      el('div', { class: 'hint' }, `Session ${clock(s.t_s)}, ${clock(table.remaining_s)} remaining, ${s.paused ? 'paused' : `${s.speed || 1}x`}; score ${typeof s.score === 'number' ? s.score.toFixed(0) : '-'}`,
        (s.critical_errors || []).length ? `; critical: ${s.critical_errors.join(', ')}` : ''),
      (s.active_faults || []).length ? el('div', { class: 'alarm' }, `Active faults: ${s.active_faults.join(', ')}`) : null);
    const levels = (twin.levels || []).map((l) => el('tr', {}, el('td', {}, l.level), el('td', { class: 'num' }, l.separation_mm.toFixed(2)),
      el('td', { class: 'num' }, app.units ? (l.pressure_mpa * app.units.mmhg_per_mpa).toFixed(0) : '-'), el('td', { class: 'num' }, `${Math.round(l.root_compression * 100)}%`)));
    const twinSec = el('section', { id: 'twin' }, el('h2', {}, 'Digital twin'),
      el('div', {}, `Cord ${lbf(twin.cord_tension_n)} lbf, carriage ${typeof twin.carriage_mm === 'number' ? twin.carriage_mm.toFixed(1) : '-'} mm, pull angle ${twin.pull_angle_deg ?? '-'} deg, guarding ${typeof twin.muscle_activation === 'number' ? (twin.muscle_activation * 100).toFixed(0) : '-'}%`),
      el('table', {}, el('tr', {}, el('th', {}, 'Level'), el('th', { class: 'num' }, 'Opening, mm'), el('th', { class: 'num' }, 'Pressure, mmHg'), el('th', { class: 'num' }, 'Root')), levels));
    const patientSec = el('section', { id: 'patient' }, el('h2', {}, 'Patient'),
      el('div', {}, `Pain ${patient.pain_0_10 ?? '-'}/10, anxiety ${patient.anxiety_0_10 ?? '-'}/10, stop switch ${patient.stop_switch_in_hand ? 'in hand' : 'not given'}, harness ${patient.harness || 'not fitted'}`),
      (patient.lines || []).map((l) => el('div', {}, el('span', { class: 't' }, clock(l.t_s)), `"${l.text}"`)));
    return [consoleSec, twinSec, patientSec];
  }
  function actionForms(st) {
    const faults = el('select', { name: 'fault', 'aria-label': 'Fault' },
      app.catalogue.faults.map((f) => el('option', { value: f.id }, `${f.part}: ${f.name}`)));
    const when = el('select', { name: 'when', 'aria-label': 'When' }, el('option', { value: 'now' }, 'at once'),
      el('option', { value: 'time' }, 'at session time (s)'), el('option', { value: 'force' }, 'once the force passes (lbf)'));
    const whenValue = el('input', { name: 'when_value', type: 'number', min: 0, step: 'any', 'aria-label': 'Time or force', style: 'width:6em' });
    const faultForm = el('form', { onsubmit: (ev) => {
      ev.preventDefault();
      const action = { action: 'inject_fault', name: faults.value };
      const v = Number(whenValue.value);
      if (when.value !== 'now' && !(whenValue.value !== '' && Number.isFinite(v) && v >= 0)) { app.message = 'When: type a time in seconds or a force in lbf.'; render(); return; }
      if (when.value === 'time') action.when = { on: 'time', at_s: v };
      if (when.value === 'force') action.when = { on: 'force_above', force_n: v * app.units.newtons_per_lbf };
      act(st.room, action, `Fault ${faults.value}${action.when ? (when.value === 'time' ? ` at ${v} s` : ` above ${v} lbf`) : ''}`);
    } }, faults, when, whenValue, el('button', { class: 'danger', type: 'submit', id: 'inject' }, 'Inject fault'));
    const reactions = el('select', { name: 'reaction', 'aria-label': 'Reaction' }, app.catalogue.reactions.map((r) => el('option', { value: r.id }, r.name)));
    const reactForm = el('form', { onsubmit: (ev) => { ev.preventDefault(); act(st.room, { action: 'trigger_reaction', name: reactions.value }, `Reaction ${reactions.value}`); } },
      reactions, el('button', { type: 'submit', id: 'provoke' }, 'Provoke'));
    const lineForm = (kind, label, button) => {
      const input = el('input', { type: 'text', name: kind, maxlength: 280, placeholder: label, 'aria-label': label });
      return el('form', { onsubmit: (ev) => {
        ev.preventDefault();
        const text = input.value.trim();
        if (!text) { app.message = `${label}: type a line first.`; render(); return; }
        act(st.room, { action: kind, text }, `${kind === 'say' ? 'Patient says' : 'Message'}: ${text}`);
        input.value = '';
      } }, input, el('button', { type: 'submit', id: kind }, button));
    };
    return [el('h2', {}, 'Instructor actions'),
      el('h3', {}, 'Equipment fault'), faultForm, el('h3', {}, 'Patient'), reactForm, lineForm('say', 'A line for the patient to say', 'Say'),
      el('h3', {}, 'Trainee'), lineForm('message', 'A message to the trainee', 'Send'),
      el('form', { onsubmit: (ev) => { ev.preventDefault(); act(st.room, { action: 'pause' }, 'Pause the treatment'); } }, el('button', { type: 'submit', id: 'pause' }, 'Pause the treatment')),
      el('h3', {}, 'Sent'), logBox];
  }
  function log(st) {
    const rows = app.actions.filter((a) => a.room === st.room).slice().reverse().map((a) => el('div', {},
      el('span', { class: 't' }, typeof a.at_s === 'number' ? clock(a.at_s) : '--:--'), `${a.text}: `,
      el('span', { class: a.status === 'refused' ? 'alarm' : a.status === 'applied' ? '' : 'stale' }, a.status === 'refused' ? `refused (${a.refused})` : a.status)));
    return rows.length ? rows : [el('span', { class: 'hint' }, 'Nothing sent yet.')];
  }
  function timeline(st) {
    const entries = [...st.timeline.values()].sort((a, b) => a.i - b.i);
    return [el('h2', {}, `Timeline (${(st.state && st.state.timeline_n) || 0})`),
      el('div', { class: 'timeline' }, entries.map((e) => el('div', {}, el('span', { class: 't' }, clock(e.t_s)), e.text)))];
  }
  function results() {
    if (!app.results.length) return [];
    const rows = app.results.map((r) => el('tr', {}, el('td', {}, r.trainee || r.station), el('td', {}, r.scenario), el('td', { class: 'num' }, Number(r.score).toFixed(0)),
      el('td', {}, r.passed ? 'pass' : 'fail'), el('td', {}, (r.critical_errors || []).map((c) => c.id).join(', ')), el('td', { class: 'num' }, clock(r.session_s))));
    const download = (name, text, type) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = el('a', { href: url, download: name });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    };
    const csvCell = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
    const csv = () => ['trainee,scenario,mode,score,passed,critical_errors,session_s,received']
      .concat(app.results.map((r) => [r.trainee || r.station, r.scenario, r.mode, r.score, r.passed, (r.critical_errors || []).map((c) => c.id).join(' '), r.session_s, r.received].map(csvCell).join(',')))
      .join('\n') + '\n';
    return [el('h2', {}, 'Results'),
      el('table', {}, el('tr', {}, el('th', {}, 'Trainee'), el('th', {}, 'Scenario'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'Result'), el('th', {}, 'Critical errors'), el('th', { class: 'num' }, 'Time')), rows),
      el('p', {}, el('button', { type: 'button', id: 'export-csv', onclick: () => download('tractus-class-results.csv', csv(), 'text/csv') }, 'Export CSV'), ' ',
        el('button', { type: 'button', id: 'export-json', onclick: () => download('tractus-class-results.json', JSON.stringify({ format: 'tractus-class-results', results: app.results }, null, 1), 'application/json') }, 'Export JSON'))];
  }
  function render() {
    connChip.className = `conn ${app.connected ? 'up' : 'down'}`;
    connChip.textContent = app.connected ? 'Connected' : 'Not connected';
    messageLine.textContent = app.message;
    classBox.replaceChildren(...grid());
    const st = app.stations.get(app.selected);
    stationBox.hidden = !st;
    if (st) {
      if (actionsFor !== `${st.room}/${app.catalogue.faults.length}`) {
        actionsFor = `${st.room}/${app.catalogue.faults.length}`;
        actionsBox.replaceChildren(...actionForms(st));
      }
      infoBox.replaceChildren(...info(st));
      logBox.replaceChildren(...log(st));
      timelineBox.replaceChildren(...timeline(st));
    }
    const r = results();
    resultsBox.hidden = r.length === 0;
    resultsBox.replaceChildren(...r);
  }

  window.tractusInstructor = {
    /** What a test reads: the stations, the actions and their statuses, the results. */
    status: () => ({ connected: app.connected, key: !!app.key, selected: app.selected, message: app.message,
                     stations: [...app.stations.values()].map((s) => ({ room: s.room, name: s.name, connected: s.connected, stale: freshness(s).word, state: s.state, result: s.result })),
                     actions: app.actions.map((a) => ({ ...a })), results: app.results.slice() }),
  };

  function start() {
    document.title = 'Tractus - instructor';
    document.documentElement.classList.add('instructor');
    document.body.classList.add('instructor');
    root.append(header(), classBox, stationBox, resultsBox);
    document.body.append(root);
    render();
    fetch('catalogue.json').then((r) => r.json()).then((c) => { app.catalogue = c; app.units = c.units; render(); })
      .catch(() => { app.message = 'The catalogue of faults could not be read: rebuild the trainer.'; render(); });
    connect();
    // re-marks stale stations even when nothing arrives
    setInterval(render, 1000);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
