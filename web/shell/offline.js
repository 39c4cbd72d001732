// The trainer offline once loaded (docs/offline.md). Registers sw.js, Workbox's precache of
// the whole site, when the page is served over http(s) and not running inside an LMS (where
// scorm.js has set window.tractusLms and the LMS owns caching). A new version waits: a bar
// offers "Reload to update", and never while a training session runs, so an update cannot cut
// a session short. Also asks the browser once to keep this site's storage (the IndexedDB
// history) out of eviction.
//
// Read-only, for tests and the curious:
//   window.tractusOffline.persisted()  true or false once the browser has answered
//                                      navigator.storage.persist(), null before or without it
//   window.tractusOffline.status()     { registered, controlled, updateWaiting, persistRequested }
//   window.tractusOffline.whenTrainerMayLoad()  a promise the page's loader waits on before it
//                                      fetches the trainer (see firstVisit below)
(function () {
  'use strict';

  var registered = false;
  var updateWaiting = false;
  var persistRequested = false;
  var persisted = null;
  var waiting = null;        // the installed worker that waits for the page's consent
  var reloadAsked = false;   // the user pressed "Reload to update"
  var reloading = false;
  var bar = null;
  var pollTimer = 0;
  var kFirstInstallLimitMs = 20000;  // a first install that takes longer is not waited for
  var releaseLoad = null;
  var mayLoad = new Promise(function (resolve) { releaseLoad = resolve; });
  function letTrainerLoad(why) {
    if (!releaseLoad) return;
    if (why) console.warn('offline: ' + why + '; the trainer loads from the network');
    releaseLoad();
    releaseLoad = null;
  }

  window.tractusOffline = Object.freeze({
    persisted: function () { return persisted; },
    status: function () {
      return {
        registered: registered,
        controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
        updateWaiting: updateWaiting,
        persistRequested: persistRequested,
      };
    },
    whenTrainerMayLoad: function () { return mayLoad; },
  });

  // once per load; a refusal is normal (browsers grant it by engagement or installation)
  if (navigator.storage && typeof navigator.storage.persist === 'function') {
    persistRequested = true;
    navigator.storage.persist().then(function (granted) { persisted = !!granted; },
                                     function () { persisted = false; });
  }

  function sessionRunning() {
    var M = window.Module;
    try {
      return !!(M && typeof M._tractus_session_running === 'function' && M._tractus_session_running());
    } catch (e) {
      return false;  // the runtime is not up yet: no session
    }
  }

  function addStyle() {
    var css = document.createElement('style');
    css.textContent =
      '#tractus-update { position: fixed; left: 50%; bottom: 14px; transform: translateX(-50%);' +
      ' z-index: 20; display: flex; flex-wrap: wrap; align-items: center; justify-content: center;' +
      ' gap: 6px 12px; width: max-content; max-width: calc(100vw - 32px); box-sizing: border-box;' +
      ' padding: 6px 8px; border-radius: 22px; background: #ffffff; border: 1px solid #b9c7d3;' +
      ' box-shadow: 0 4px 18px rgba(20, 40, 60, .22); font: 14px/1.3 "DejaVu Sans", system-ui, sans-serif;' +
      ' color: #1a1f26; }' +
      '#tractus-update > b, #tractus-update > button { white-space: nowrap; }' +
      '#tractus-update[hidden] { display: none; }' +
      '#tractus-update .mark { width: 10px; height: 10px; margin-left: 6px; border-radius: 50%;' +
      ' background: #0d7399; flex: none; }' +
      '#tractus-update b { color: #0d7399; }' +
      '#tractus-update .note { color: #5a6470; font-size: 13px; padding: 0 4px; text-align: center; }' +
      '#tractus-update button { font: inherit; font-weight: bold; color: #ffffff; background: #0d7399;' +
      ' border: 0; border-radius: 16px; padding: 7px 16px; cursor: pointer; }' +
      '#tractus-update button:hover { background: #0a5f7f; }' +
      '#tractus-update button:focus-visible { outline: 2px solid #1a1f26; outline-offset: 2px; }';
    document.head.appendChild(css);
  }

  // the bar exists (hidden) from load, so screen readers announce it when it fills
  function makeBar() {
    addStyle();
    bar = document.createElement('div');
    bar.id = 'tractus-update';
    bar.setAttribute('role', 'status');
    bar.setAttribute('aria-live', 'polite');
    bar.hidden = true;
    document.body.appendChild(bar);
  }

  // The widest stretch of the window's bottom edge that no panel covers (the hook's
  // view.panels_px, [x0, y0, x1, y1] in CSS pixels), as [x0, x1], or null.
  function bottomGap(panels, band) {
    var covered = panels.filter(function (p) { return p[3] > window.innerHeight - band && p[2] > p[0]; })
      .map(function (p) { return [Math.max(0, p[0]), Math.min(window.innerWidth, p[2])]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var best = null, x = 0;
    covered.concat([[window.innerWidth, window.innerWidth]]).forEach(function (p) {
      if (p[0] - x > (best ? best[1] - best[0] : 0)) best = [x, p[0]];
      x = Math.max(x, p[1]);
    });
    return best;
  }

  // Centres the bar in the widest gap between the panels along the window's bottom edge, where
  // it covers none of them at any window size; at the bottom centre where the trainer draws
  // no panels there (the start screen, the debrief) or has not started.
  function place() {
    var gap = null;
    try {
      var M = window.Module;
      var panels = M && M.calledRun && M._tractus_panels_json ? JSON.parse(M.UTF8ToString(M._tractus_panels_json())) : [];
      if (panels.length) gap = bottomGap(panels, 90);
    } catch (e) {
      gap = null;
    }
    if (gap && gap[1] - gap[0] >= 220 && gap[1] - gap[0] < window.innerWidth) {
      bar.style.left = (gap[0] + gap[1]) / 2 + 'px';
      bar.style.maxWidth = gap[1] - gap[0] - 8 + 'px';
    } else {
      bar.style.left = bar.style.maxWidth = '';
    }
  }

  // draws the bar for the current state; called on every change and by the poll
  function render() {
    if (!updateWaiting) { bar.hidden = true; return; }
    place();
    var running = sessionRunning();
    var mode = reloadAsked ? 'reloading' : running ? 'session' : 'ready';
    if (bar.getAttribute('data-mode') === mode && !bar.hidden) return;
    bar.setAttribute('data-mode', mode);
    bar.textContent = '';
    var mark = document.createElement('span');
    mark.className = 'mark';
    var title = document.createElement('b');
    title.textContent = 'Update available';
    bar.appendChild(mark);
    bar.appendChild(title);
    if (mode === 'ready') {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reload to update';
      button.addEventListener('click', applyUpdate);
      bar.appendChild(button);
    } else {
      var note = document.createElement('span');
      note.className = 'note';
      note.textContent = mode === 'session' ? 'it installs when this session ends' : 'reloading...';
      bar.appendChild(note);
    }
    bar.hidden = false;
  }

  function applyUpdate() {
    if (!waiting || sessionRunning()) { render(); return; }
    reloadAsked = true;
    render();
    // Workbox's worker activates on this message (skipWaiting is off in build_sw.mjs); the
    // page reloads once the new worker controls it
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }

  function onWaiting(worker) {
    waiting = worker;
    updateWaiting = true;
    render();
    // the session state lives in the wasm, so the bar follows it by polling while it is shown
    if (!pollTimer) pollTimer = setInterval(render, 500);
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) onWaiting(registration.waiting);
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        // with no controller this is the first install, which simply takes the page
        if (worker.state === 'installed' && navigator.serviceWorker.controller) onWaiting(worker);
      });
    });
  }

  var canRegister = 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !window.tractusLms;
  if (!canRegister) { letTrainerLoad(); return; }

  // A first visit has no controller. Workbox's install fetches every file with cache: 'reload',
  // past the HTTP cache, so a page that fetched the trainer itself meanwhile would bring each
  // big file over the network twice. So a first visit waits for the worker to precache the site
  // and take the page (clientsClaim), then loads the trainer from the precache: the files cross
  // the network once. A return visit is controlled already and loads at once.
  var firstVisit = !navigator.serviceWorker.controller;
  if (!firstVisit) letTrainerLoad();
  if (firstVisit) {
    navigator.serviceWorker.addEventListener('controllerchange', function () { letTrainerLoad(); });
    setTimeout(function () { letTrainerLoad('the first offline copy took over ' + kFirstInstallLimitMs / 1000 + ' s'); },
               kFirstInstallLimitMs);
  }

  makeBar();
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // the first install's clientsClaim changes the controller too: reload only when asked
    if (!reloadAsked || reloading) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker.register('sw.js').then(function (registration) {
    if (!registration) { letTrainerLoad(); return; }  // a browser (or test harness) that blocks workers
    registered = true;
    watch(registration);
    // an active worker that does not control the page (a hard reload) is not waited for; an
    // install that fails lets the trainer load from the network
    if (registration.active && !registration.installing) letTrainerLoad();
    var installing = registration.installing;
    if (installing) {
      installing.addEventListener('statechange', function () {
        if (installing.state === 'redundant') letTrainerLoad('the offline copy could not be made');
      });
    }
  }, function (err) {
    // the page works without it, just not offline
    console.warn('offline: service worker not registered: ' + (err && err.message ? err.message : err));
    letTrainerLoad();
  });
})();
