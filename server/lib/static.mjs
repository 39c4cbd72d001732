// The static half of the server: the built site through sirv, behind checks that turn hostile
// requests into a 4xx before sirv or the file system sees them.
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

// Content types sirv's table (mrmime) leaves out or gives without a charset.
const extraTypes = {
  '.data': 'application/octet-stream',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
};

const maxUrlChars = 2048;

/**
 * Checks a request target and returns the decoded path it names inside the site, or a reason it
 * is refused. Anything that could step out of the site (a `.` or `..` segment after decoding,
 * a backslash, a NUL, a second level of percent-encoding, malformed or overlong UTF-8) is
 * refused rather than cleaned up, so no encoding trick reaches the file system.
 */
export function checkTarget(target) {
  if (typeof target !== 'string' || target.length === 0) return { reason: 'empty request target' };
  if (target.length > maxUrlChars) return { reason: `request target over ${maxUrlChars} characters` };
  if (target[0] !== '/') return { reason: 'request target must be a path starting with /' };
  const raw = target.split('?')[0].split('#')[0];
  let decoded;
  try {
    decoded = decodeURIComponent(raw);  // throws on bad percent-encoding and on overlong UTF-8
  } catch {
    return { reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('%')) return { reason: 'percent-encoding inside percent-encoding' };
  if (/[\\\0-\x1f\x7f]/.test(decoded)) return { reason: 'backslash or control character in path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return { reason: 'dot segment in path' };
  if (segments.some((s) => s.startsWith('.') && s.length > 0)) return { reason: 'hidden file' };
  return { path: decoded };
}

// A Range header sirv can act on: one range with a start (sirv misreads suffix ranges and
// throws on a start after the end), else none, and RFC 9110 lets a server ignore it.
function usableRange(value) {
  const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(value);
  if (!m) return false;
  return m[2] === '' || Number(m[1]) <= Number(m[2]);
}

function mtimeMs(file) {
  try { return fs.statSync(file).mtimeMs; } catch { return null; }
}

// Drops an encoding from Accept-Encoding when its precompressed copy is older than the file,
// so a rebuild that did not recompress never serves yesterday's bytes.
function offerOnlyFreshEncodings(req, file) {
  const accept = req.headers['accept-encoding'];
  if (!accept) return;
  const source = mtimeMs(file);
  if (source === null) return;
  let offered = accept;
  for (const [suffix, token] of [['.br', /\b(br|brotli)\b/gi], ['.gz', /\bgzip\b/gi]]) {
    const copy = mtimeMs(file + suffix);
    if (copy !== null && copy < source) offered = offered.replace(token, 'identity');
  }
  req.headers['accept-encoding'] = offered;
}

function refuse(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

/**
 * Returns a request handler `(req, res)` for the files under root: GET and HEAD only, ETag
 * validation (`no-cache`, so every load revalidates and a rebuild shows at once), precompressed
 * `.br` and `.gz` siblings for clients that accept them, and a plain-text 4xx naming the reason
 * for anything refused. The site is looked up on every request, so a rebuild needs no restart.
 */
export function staticHandler(root) {
  const dir = path.resolve(root);
  const files = sirv(dir, {
    dev: true,  // per-request lookup: no start-up snapshot of sizes that a rebuild would falsify
    etag: true,
    gzip: true,
    brotli: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      const type = extraTypes[path.extname(pathname)];
      if (type) res.setHeader('content-type', type);
      res.setHeader('x-content-type-options', 'nosniff');
    },
    onNoMatch: (req, res) => refuse(res, 404, 'not found'),
  });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, `method ${req.method} not allowed`, { allow: 'GET, HEAD' });
      return;
    }
    const target = checkTarget(req.url);
    if (target.reason) { refuse(res, 400, `bad request: ${target.reason}`); return; }
    if (req.headers.range !== undefined && !usableRange(req.headers.range)) delete req.headers.range;
    const file = path.join(dir, target.path.endsWith('/') ? `${target.path}index.html` : target.path);
    offerOnlyFreshEncodings(req, file);
    // a file removed between sirv's look-up and its read fails the stream, not the process
    res.on('pipe', (source) => source.on('error', () => res.destroy()));
    files(req, res);
  };
}
