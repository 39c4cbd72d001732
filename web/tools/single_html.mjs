// Writes the built site as one HTML page that runs from file:// with no server (issue 17; docs/single-file.md):
//   node single_html.mjs SITE_DIR OUT_FILE
// index.html's markup and style are kept; every <script src> is inlined, and tractus.wasm and
// tractus.data travel as base64, decoded at start into Module.wasmBinary and into the file
// packager's Module.getPreloadedPackage, so the page runs the very tractus.wasm the site serves
// and fetches nothing.
import fs from 'node:fs';
import path from 'node:path';

const [siteDir, outFile] = process.argv.slice(2);
if (!siteDir || !outFile) {
  console.error('usage: node single_html.mjs SITE_DIR OUT_FILE');
  process.exit(2);
}
const read = (name) => fs.readFileSync(path.join(siteDir, name));
const fail = (why) => { console.error(`single_html: ${why}`); process.exit(1); };

// Inline script text must not end its <script> early: "</script" closes it wherever it appears,
// and "<!--" can start the parser's double-escaped state that hides the real close. Both only
// occur in strings, regular expressions or comments, where "\/" and "\!" read as "/" and "!".
const scriptText = (text) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

let html = read('index.html').toString('utf8');

// The served page's loader, its inline script naming 'tractus.js', loads tractus.js or, for
// ?mode=instructor, the instructor's station; it is set aside before any script is inlined (an
// inlined file may name tractus.js too) and replaced at the end by the boot below, which keeps
// tractus.js in an inert block until it knows which.
const LOADER = '<!-- tractus single-file boot -->';
const loader = /<script>(?:(?!<\/script>)[\s\S])*'tractus\.js'(?:(?!<\/script>)[\s\S])*<\/script>/;
if (!loader.test(html)) fail("index.html's loader script (the one naming 'tractus.js') was not found");
html = html.replace(loader, LOADER);

// The icon goes in as a data: URL when the site has it; the web app manifest is dropped: a
// file:// page cannot be installed, and the link would be a request for a missing sibling.
html = html.replace(/<link\b[^>]*>\s*/gi, (tag) => {
  const rel = (/\brel="([^"]*)"/i.exec(tag) || [])[1] || '';
  const href = (/\bhref="([^"]*)"/i.exec(tag) || [])[1] || '';
  if (/^(data:|https?:)/i.test(href)) return tag;
  const file = path.join(siteDir, href);
  if (/\bicon\b/i.test(rel) && fs.existsSync(file)) {
    const mime = MIME[path.extname(href).toLowerCase()] || 'application/octet-stream';
    return tag.replace(href, `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`);
  }
  // an empty icon, so that the browser asks for no favicon beside the file
  if (/\bicon\b/i.test(rel)) return tag.replace(href, 'data:,');
  if (/\bstylesheet\b/i.test(rel) && fs.existsSync(file)) return `<style>\n${fs.readFileSync(file, 'utf8')}</style>\n`;
  return '';
});

// Every <script src> becomes the same text inline, in the same place and order.
html = html.replace(/<script\s+src="([^"]+)"\s*><\/script>/gi, (tag, src) => {
  if (!fs.existsSync(path.join(siteDir, src))) fail(`index.html loads ${src}, which the site lacks`);
  return `<script>/* ${src} */\n${scriptText(read(src).toString('utf8'))}\n</script>`;
});

const wasm = read('tractus.wasm');
const data = read('tractus.data');
const tractusJs = read('tractus.js').toString('utf8');
// the packager asks for its package by the name and size baked into tractus.js: check them here
// rather than ship a page that would fetch tractus.data from its folder
const packageName = /var REMOTE_PACKAGE_BASE="([^"]+)"/.exec(tractusJs);
const packageSize = /"remote_package_size":(\d+)/.exec(tractusJs);
if (!packageName || !packageSize || !tractusJs.includes('Module["getPreloadedPackage"]')) {
  fail("tractus.js's file packager no longer reads Module.getPreloadedPackage as this script expects");
}
if (Number(packageSize[1]) !== data.length) {
  fail(`tractus.js expects a ${packageSize[1]}-byte ${packageName[1]}, the site has ${data.length} bytes`);
}

const boot = `<script type="application/octet-stream" id="tractus-wasm">${wasm.toString('base64')}</script>
<script type="application/octet-stream" id="tractus-data">${data.toString('base64')}</script>
<script type="text/plain" id="tractus-main">${scriptText(tractusJs)}</script>
<script>
  // the single-file page: tractus.wasm and tractus.data come from the blocks above, not the network
  (function () {
    'use strict';
    var M = window.Module;
    var status = document.getElementById('status');
    if (new URLSearchParams(location.search).get('mode') === 'instructor') {
      // the instructor's station joins trainees' rooms through the classroom relay, which only
      // the server gives
      document.querySelector('.bar').style.display = 'none';
      status.id = 'single-instructor';
      status.style.cssText = 'font-size: 15px; line-height: 1.5; color: #1a1f26;';
      var css = document.createElement('style');
      css.textContent = '#single-instructor code { white-space: nowrap; }';
      document.head.appendChild(css);
      status.innerHTML = "<b>The instructor's station needs the classroom server:</b> run " +
        '<code>./tractus serve</code> (<code>./tractus serve --lan</code> for a classroom) ' +
        'and open its address with <code>?mode=instructor</code>. This single file holds the trainee page only.';
      return;
    }
    function bytes(id) {
      var el = document.getElementById(id);
      var text = atob(el.textContent);
      el.remove();  // the base64 text is no longer needed
      var out = new Uint8Array(text.length);
      for (var i = 0; i < text.length; ++i) out[i] = text.charCodeAt(i);
      return out;
    }
    M.wasmBinary = bytes('tractus-wasm');
    var pack = bytes('tractus-data').buffer;
    // the packager asserts an ArrayBuffer; asked once, at start
    M.getPreloadedPackage = function (name, size) {
      if (name === ${JSON.stringify(packageName[1])} && size === pack.byteLength) return pack;
      console.error('Tractus single file: no embedded package ' + name + ' of ' + size + ' bytes');
      return null;
    };
    var main = document.getElementById('tractus-main');
    var s = document.createElement('script');
    s.text = main.textContent;  // an inline classic script: the same global code as the served tractus.js
    main.remove();
    document.body.appendChild(s);
  })();
</script>`;
html = html.replace(LOADER, () => boot);

// a marker before every other script, for glue that must behave differently in this page
html = html.replace(/<head>/i, () => '<head>\n<script>window.TRACTUS_SINGLE_FILE = true;</script>');

fs.mkdirSync(path.dirname(outFile), { recursive: true });
const tmp = `${outFile}.tmp`;
fs.writeFileSync(tmp, html);
fs.renameSync(tmp, outFile);
console.log(`single_html: wrote ${outFile} (${fs.statSync(outFile).size} bytes)`);
