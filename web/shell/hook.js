// Page glue: the loading indicator, fatal-error display, and window.tractus, a small
// read-only hook through which tests and automation observe the trainer. The hook exposes
// no way to change state: everything a user can do goes through the UI.
(function () {
  'use strict';
  const overlay = document.getElementById('overlay');
  const bar = document.getElementById('progress');
  const status = document.getElementById('status');
  let totalDeps = 0;
  // one copy of the file system to IndexedDB at a time: a request during a copy runs after it
  let syncing = false;
  let syncAgain = false;
  function persistFlush() {
    const M = window.Module;
    if (syncing) { syncAgain = true; return; }
    syncing = true;
    // every write the copy can hold has a generation up to this one (web/src/persist_file.h)
    const generation = M._tractus_persist_generation ? M._tractus_persist_generation() : 0;
    M.FS.syncfs(false, (err) => {
      syncing = false;
      if (err) {
        console.warn('Tractus could not save to browser storage: ' + err);
      } else if (M._tractus_persist_synced && M._tractus_persist_synced(generation)) {
        // IndexedDB holds every write: a backup made while it did not is no longer needed
        try { localStorage.removeItem('tractus.backup'); } catch (e) {}
      }
      if (syncAgain) { syncAgain = false; persistFlush(); }
    });
  }
  // a reload in the milliseconds before a copy to IndexedDB finishes would lose what it
  // holds, so when the page is hidden or left with one outstanding, what IndexedDB lacks goes
  // to localStorage, which writes at once; the next load takes what is newer than IndexedDB
  // (web/src/storage_mirror.h). Past the quota it tries a quarter of the size, whose history
  // holds only the newest sessions.
  function backUpPending() {
    const M = window.Module;
    if (!M.calledRun || !M._tractus_storage_backup) return;
    let budget = M._tractus_storage_backup_limit();
    for (let attempt = 0; attempt < 2; ++attempt, budget /= 4) {
      const text = M.UTF8ToString(M._tractus_storage_backup(budget));
      try {
        if (text) localStorage.setItem('tractus.backup', text);
        return;
      } catch (e) {
        console.warn('Tractus could not back up unsaved changes (' + Math.round(budget) + ' bytes): ' + e);
      }
    }
  }
  // on the way out there is no time for a whole syncfs (several asynchronous steps before its
  // write): the file just written goes straight into IDBFS's store, on the database it holds open
  function storeNow(path) {
    const M = window.Module;
    const db = M.IDBFS && M.IDBFS.dbs && M.IDBFS.dbs['/persist'];
    if (!db) return;
    try {
      const stat = M.FS.stat(path);
      const tx = db.transaction([M.IDBFS.DB_STORE_NAME], 'readwrite');
      tx.objectStore(M.IDBFS.DB_STORE_NAME).put(
        { timestamp: stat.mtime, mode: stat.mode, contents: M.FS.readFile(path) }, path);
    } catch (e) {
      console.warn('Tractus could not keep the running session: ' + e);
    }
  }
  // the running session is saved when the page is hidden or left, and leaving it asks first
  const running = () => !!(window.Module._tractus_session_running && window.Module._tractus_session_running());
  // Chromium drops an IndexedDB write begun while a page unloads, so the copy made on the way
  // out also goes to localStorage, which writes at once; the next load takes whichever copy
  // is later (web/src/session_keeper.cpp)
  const keepSession = () => {
    const M = window.Module;
    M._tractus_persist_session();
    storeNow('/persist/session.json');
    try {
      localStorage.setItem('tractus.session', M.FS.readFile('/persist/session.json', { encoding: 'utf8' }));
    } catch (e) {
      // no localStorage (a sandboxed frame): the last periodic save stands
    }
  };
  window.addEventListener('pagehide', () => {
    if (running()) keepSession();
    backUpPending();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') backUpPending();
  });
  window.addEventListener('beforeunload', (event) => {
    if (!running()) return;
    keepSession();
    event.preventDefault();
    event.returnValue = '';  // the browser shows its own "leave site?" question
  });

  function showFatal(message) {
    overlay.classList.remove('hidden');
    status.textContent = message;
    status.className = 'error';
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      // "Downloading data... (12345/67890)"
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) bar.style.width = Math.max(5, 90 * Number(m[1]) / Number(m[2])) + '%';
      if (text) status.textContent = text.replace(/\(\d.*\)/, '').trim() || 'Loading...';
    },
    monitorRunDependencies: (left) => {
      totalDeps = Math.max(totalDeps, left);
      if (totalDeps > 0) bar.style.width = Math.max(5, 90 * (totalDeps - left) / totalDeps) + '%';
      status.textContent = left ? 'Loading files (' + (totalDeps - left) + '/' + totalDeps + ')...' : 'Starting...';
    },
    onRuntimeInitialized: () => {
      window.Module.runtimeReadyMs = performance.now();  // the wasm compiled and its files loaded
      bar.style.width = '100%';
      status.textContent = 'Starting...';
      // hide the overlay once the first frame has been drawn
      const wait = () => {
        const s = window.tractus.state();
        if (s.ready && s.frames > 0) {
          window.Module.firstFrameMs = performance.now();
          overlay.classList.add('hidden');
        } else {
          requestAnimationFrame(wait);
        }
      };
      requestAnimationFrame(wait);
    },
    // saved data lives in IndexedDB, mounted at /persist before main runs
    preRun: [() => {
      const M = window.Module;
      M.FS.mkdir('/persist');
      M.FS.mount(M.IDBFS, {}, '/persist');
      M.addRunDependency('persist');
      // start without saved data rather than wait forever on storage that never answers
      let settled = false;
      const settle = (why) => {
        if (settled) return;
        settled = true;
        if (why) console.warn('Tractus could not read browser storage: ' + why);
        M.removeRunDependency('persist');
      };
      const timer = setTimeout(() => settle('no answer within 4 s'), 4000);
      M.FS.syncfs(true, (err) => { clearTimeout(timer); settle(err); });
    }],
    downloadText: (name, text, mime) => {
      const url = URL.createObjectURL(new Blob([text], { type: mime || 'application/json' }));
      const a = document.createElement('a');
      a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    persistFlush,
    // a history file goes to the trainer on the heap (a big file would overflow the stack
    // that ccall copies strings to), read no further than one byte past the trainer's limit:
    // the trainer refuses a bigger file by the size the browser reports
    pickHistoryFile: () => {
      const M = window.Module;
      const input = document.createElement('input');
      input.type = 'file'; input.accept = '.json,application/json';
      input.onchange = () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const limit = M._tractus_history_file_limit();
        file.slice(0, limit + 1).text().then((text) => {
          M._tractus_import_history(M.allocateUTF8(text), file.size, M.allocateUTF8(file.name));
        });
      };
      input.click();
    },
    // asks the user for a session record and hands its text to the trainer on the heap, as
    // with a history file: a record of a few MB would overflow the stack ccall copies to. It
    // reads one byte past the loaders' limit, so the trainer refuses a bigger file by its size
    pickTextFile: (sink) => {
      const M = window.Module;
      const input = document.createElement('input');
      input.type = 'file'; input.accept = '.json,application/json';
      input.onchange = () => {
        const file = input.files && input.files[0];
        if (!file) return;
        const limit = M._tractus_record_file_limit();
        file.slice(0, limit + 1).text().then((text) => M['_' + sink](M.allocateUTF8(text)));
      };
      input.click();
    },
    onFatal: showFatal,
    onAbort: (what) => showFatal('The trainer stopped unexpectedly: ' + what),
  };

  window.tractus = Object.freeze({
    /** True once the module has started and drawn at least one frame. */
    ready: () => !!(window.Module.calledRun && window.Module._tractus_state_json &&
                    window.tractus.state().frames > 0),
    /** The trainer's observable state (see web/src/hook.cpp for the fields). */
    state: () => window.Module._tractus_state_json
      ? JSON.parse(window.Module.UTF8ToString(window.Module._tractus_state_json()))
      : { ready: false },
    /** Milliseconds from navigation start to the first drawn frame, or null before it. */
    firstFrameMs: () => window.Module.firstFrameMs ?? null,
    /** The WebGL renderer's name, as the browser reports it. */
    renderer: () => window.Module.rendererName || 'unknown',
    /** A widget's rectangle in CSS pixels from the last frame, or null if it was not drawn. */
    widget: (id) => JSON.parse(window.Module.ccall('tractus_widget_rect', 'string', ['string'], [id])),
  });
})();
