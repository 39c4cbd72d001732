// Page glue for a SCORM 1.2 LMS (docs/lms.md). When the page runs inside an LMS, it finds the
// LMS's API object by the standard discovery (this window's parents, then the opener's),
// reports each finished assessment as passed or failed with its score and the time spent, and
// keeps the running session in cmi.suspend_data, so a trainee resumes inside the LMS even where
// the browser's storage is partitioned or wiped between launches. With no API the page works
// as it does standalone and this file does nothing else.
//
// Only an assessment is graded: a practice session shows its live score and hints, so its
// result would not say what the trainee can do alone; the page says so when one ends.
(function () {
  'use strict';
  const kMaxSuspendChars = 4096;     // CMIString4096 (SCORM 1.2 RTE 3.4.2)
  const kSuspendPrefix = 'tractus1:'; // the format of what this page writes there
  const kCommitEveryMs = 15000;      // suspend_data reaches the LMS at most this often...
  const kPollMs = 1000;              // ...and is read from the session file this often

  // the API is on a window that holds it as "API": this one or a parent (an LMS frames its
  // content), then the window that opened this one and its parents (an LMS's pop-up). A
  // parent on another origin cannot be read and ends that walk.
  function apiAbove(win) {
    for (let depth = 0; win && depth < 10; ++depth) {
      try {
        if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
      } catch (e) {
        return null;
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  let api = apiAbove(window);
  try { if (!api && window.opener) api = apiAbove(window.opener); } catch (e) { api = null; }
  if (!api) return;

  // [SECTION] talking to the LMS

  const problems = [];
  function lmsError(what) {
    const code = String(api.LMSGetLastError());
    const text = api.LMSGetErrorString ? String(api.LMSGetErrorString(code)) : '';
    const message = what + ' was refused by the LMS (error ' + code + (text ? ': ' + text : '') + ')';
    console.warn('Tractus: ' + message);
    problems.push(message);
    showBadge();
  }
  function set(field, value) {
    if (String(api.LMSSetValue(field, String(value))) !== 'true') lmsError(field);
  }
  function get(field) { return String(api.LMSGetValue(field) ?? ''); }
  function commit() {
    if (String(api.LMSCommit('')) !== 'true') lmsError('Saving to the LMS (LMSCommit)');
  }

  if (String(api.LMSInitialize('')) !== 'true') {
    console.warn('Tractus: the LMS did not start a session (LMSInitialize); the page runs on its own');
    return;
  }
  const startedMs = Date.now();
  let status = get('cmi.core.lesson_status');
  if (status === 'not attempted' || status === '') { set('cmi.core.lesson_status', 'incomplete'); status = 'incomplete'; }

  // the session the LMS kept from an earlier launch, for the trainer to offer (web/src/session_keeper.cpp)
  let keptSession = '';
  const suspended = get('cmi.suspend_data');
  if (suspended.startsWith(kSuspendPrefix)) {
    keptSession = window.LZString ? (window.LZString.decompressFromBase64(suspended.slice(kSuspendPrefix.length)) || '') : '';
    if (!keptSession) console.warn('Tractus: the LMS kept a session this page cannot read; it starts afresh');
  }
  window.Module.lmsSessionCopy = () => keptSession;

  // HHHH:MM:SS.SS, SCORM 1.2's CMITimespan
  function timespan(ms) {
    const cs = Math.round(ms / 10);
    const h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    const two = (n) => String(n).padStart(2, '0');
    return String(h).padStart(4, '0') + ':' + two(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  // [SECTION] what the page shows: a small badge that says the LMS is there and what it was sent

  // the whole line stays for a few seconds after each change, then folds to a small "LMS"
  // mark in the corner, so it never hides the patient panel for long; a refusal stays open
  const kBadgeOpenMs = 8000;
  let badge = null;
  let badgeText = 'Connected to your LMS';
  let foldTimer = 0;
  function showBadge() {
    if (!badge) {
      badge = document.createElement('div');
      badge.id = 'lms-badge';
      badge.setAttribute('role', 'status');
      badge.style.cssText = 'position:fixed;left:8px;bottom:8px;z-index:20;max-width:min(420px,60vw);' +
        'padding:4px 10px;border-radius:12px;font:13px "DejaVu Sans",system-ui,sans-serif;' +
        'background:rgba(255,255,255,.94);box-shadow:0 1px 6px rgba(20,40,60,.25);pointer-events:none;';
      document.body.appendChild(badge);
    }
    const text = problems.length ? problems[problems.length - 1] : badgeText;
    badge.textContent = text;
    badge.title = text;
    badge.style.color = problems.length ? '#b41f1f' : '#1a1f26';
    clearTimeout(foldTimer);
    if (!problems.length) foldTimer = setTimeout(() => { badge.textContent = 'LMS'; }, kBadgeOpenMs);
  }
  if (document.body) showBadge(); else document.addEventListener('DOMContentLoaded', showBadge);

  // [SECTION] the outcome, and the running session kept for a resume

  let reportedId = '';
  let lastSessionText = null;   // the session file as last read, null before the first read
  let dirty = false;            // suspend_data changed since the last commit
  let lastCommitMs = 0;
  let finished = false;
  let tooLongSaid = false;     // the page has said once that suspend_data cannot hold the session

  function report(outcome) {
    const graded = outcome.mode === 'assessment';
    const score = Math.max(0, Math.min(100, Math.round(outcome.score)));
    if (outcome.kind === 'course' && !outcome.done) {
      badgeText = 'Course session ' + outcome.finished + ' of ' + outcome.sessions + ' finished; ' +
                  'the course is reported to your LMS when it is done';
    } else if (!graded) {
      badgeText = 'Practice result (' + score + '): not sent to your LMS. Choose Assessment to be graded';
    } else {
      // any critical error fails the session (scenarios/scoring.h), and "passed" says so
      status = outcome.passed ? 'passed' : 'failed';
      set('cmi.core.lesson_status', status);
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', 100);
      set('cmi.core.score.raw', score);
      set('cmi.core.session_time', timespan(Date.now() - startedMs));
      dirty = true;
      badgeText = 'Sent to your LMS: ' + status + ', score ' + score;
    }
    showBadge();
  }

  function readSessionFile() {
    const M = window.Module;
    try {
      return M.FS.analyzePath('/persist/session.json').exists
        ? M.FS.readFile('/persist/session.json', { encoding: 'utf8' }) : '';
    } catch (e) {
      return '';
    }
  }

  function keepSession() {
    const text = readSessionFile();
    if (text === lastSessionText) return;
    lastSessionText = text;
    let value = '';
    if (text) {
      const packed = kSuspendPrefix + window.LZString.compressToBase64(text);
      if (packed.length > kMaxSuspendChars) {
        // the last copy that fitted stays: a resume in the LMS starts from it
        console.warn('Tractus: the running session packs to ' + packed.length + ' characters, over the LMS\'s ' +
                     kMaxSuspendChars + '; the LMS keeps the last copy that fitted');
        if (!tooLongSaid) {
          tooLongSaid = true;
          badgeText = 'This session is now too long for your LMS to keep whole: a resume in the LMS starts from an earlier point';
          showBadge();
        }
        return;
      }
      value = packed;
    }
    if (value === get('cmi.suspend_data')) return;
    set('cmi.suspend_data', value);
    dirty = true;
  }

  function poll() {
    const M = window.Module;
    if (finished || !M.calledRun || !M._tractus_lms_outcome) return;
    const text = M.UTF8ToString(M._tractus_lms_outcome());
    if (text) {
      const outcome = JSON.parse(text);
      if (outcome.id !== reportedId) {
        reportedId = outcome.id;
        report(outcome);
      }
    }
    keepSession();
    const now = Date.now();
    if (dirty && (now - lastCommitMs >= kCommitEveryMs || status === 'passed' || status === 'failed')) {
      commit();
      dirty = false;
      lastCommitMs = now;
    }
  }
  setInterval(poll, kPollMs);

  // on the way out (hook.js has just saved the running session): the latest state, then finish.
  // "suspend" asks the LMS to keep suspend_data for the next launch.
  function finish() {
    if (finished) return;
    poll();
    const M = window.Module;
    const running = !!(M._tractus_session_running && M._tractus_session_running());
    if (running) { lastSessionText = null; keepSession(); }
    set('cmi.core.exit', running || lastSessionText ? 'suspend' : '');
    set('cmi.core.session_time', timespan(Date.now() - startedMs));
    commit();
    finished = true;
    api.LMSFinish('');
  }
  window.addEventListener('pagehide', finish);

  /** What the page told the LMS, read-only, for tests and the curious. */
  window.tractusLms = Object.freeze({
    connected: true,
    status: () => ({ lesson_status: status, reported: reportedId, problems: problems.slice(), finished }),
  });
})();
