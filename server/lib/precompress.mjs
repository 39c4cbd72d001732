// Brotli and gzip copies of the site's compressible files, written beside them once per build,
// so the server never compresses a multi-megabyte .wasm per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.data', '.json', '.css', '.svg', '.txt']);
const minBytes = 1024;  // below this the headers cost more than compression saves

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

// writes through a temporary name so a reader never sees half a file
function writeAtomically(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

function isFresh(copy, source) {
  try { return fs.statSync(copy).mtimeMs >= source.mtimeMs; } catch { return false; }
}

/**
 * Writes `NAME.br` (brotli, quality 11) and `NAME.gz` (gzip, level 9) beside every compressible
 * file of at least 1 KiB under dir whose copies are missing or older than it. A copy that would
 * not be smaller is not kept. Returns one row per compressible file:
 * { file (relative), rawBytes, gzipBytes, brotliBytes, written } (sizes null where not kept).
 */
export function precompress(dir) {
  const rows = [];
  for (const file of listFiles(dir)) {
    if (!compressible.has(path.extname(file))) continue;
    const stat = fs.statSync(file);
    if (stat.size < minBytes) continue;
    const row = { file: path.relative(dir, file), rawBytes: stat.size, gzipBytes: null, brotliBytes: null, written: false };
    const encoders = [
      ['.gz', 'gzipBytes', (b) => zlib.gzipSync(b, { level: 9 })],
      ['.br', 'brotliBytes', (b) => zlib.brotliCompressSync(b, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } })],
    ];
    let raw = null;
    for (const [suffix, key, encode] of encoders) {
      const copy = file + suffix;
      if (isFresh(copy, stat)) { row[key] = fs.statSync(copy).size; continue; }
      raw ??= fs.readFileSync(file);
      const packed = encode(raw);
      if (packed.length >= raw.length) { fs.rmSync(copy, { force: true }); continue; }
      writeAtomically(copy, packed);  // newer than the file: fresh until it changes
      row[key] = packed.length;
      row.written = true;
    }
    rows.push(row);
  }
  return rows;
}
