// The server behind `./tractus serve`: the built web trainer, on loopback unless --lan.
// usage: node server/serve.mjs SITE_DIR [--port N] [--lan] [--no-precompress] [--no-relay]
//                              [--rooms-file FILE]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './lib/http_server.mjs';
import { lanAddresses } from './lib/lan.mjs';
import { precompress } from './lib/precompress.mjs';

export { serve };

const usage = 'usage: node server/serve.mjs SITE_DIR [--port N] [--lan] [--no-precompress] [--no-relay] [--rooms-file FILE]';

/** Reads the command line; returns { site, port, lan, precompress, relay, roomsFile } or
 *  { error }. */
export function parseArgs(argv) {
  const opts = { site: null, port: 8080, lan: false, precompress: true, relay: true, roomsFile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lan') opts.lan = true;
    else if (a === '--no-precompress') opts.precompress = false;
    else if (a === '--no-relay') opts.relay = false;
    else if (a === '--rooms-file') {
      const v = argv[++i];
      if (!v) return { error: '--rooms-file: a file name is missing' };
      opts.roomsFile = v;
    }
    else if (a === '--port') {
      const v = argv[++i];
      if (!/^\d{1,5}$/.test(v ?? '') || Number(v) > 65535) return { error: `--port: '${v ?? ''}' is not a port number (0-65535)` };
      opts.port = Number(v);
    } else if (a.startsWith('-')) return { error: `unknown option '${a}'` };
    else if (opts.site === null) opts.site = a;
    else return { error: `unexpected argument '${a}'` };
  }
  if (opts.site === null) return { error: 'SITE_DIR is missing' };
  return opts;
}

const kib = (n) => (n === null ? '-' : `${(n / 1024).toFixed(0)} KiB`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.error) { console.error(`serve: ${opts.error}\n${usage}`); process.exit(2); }
  if (!fs.existsSync(path.join(opts.site, 'index.html'))) {
    console.error(`serve: ${opts.site} has no index.html (build the web trainer first)`);
    process.exit(1);
  }
  if (opts.precompress) {
    for (const r of precompress(opts.site)) {
      console.log(`  ${r.file.padEnd(14)} ${kib(r.rawBytes).padStart(9)} raw, ${kib(r.gzipBytes).padStart(9)} gzip, ${kib(r.brotliBytes).padStart(9)} brotli${r.written ? ' (compressed now)' : ''}`);
    }
  }
  const host = opts.lan ? '0.0.0.0' : '127.0.0.1';
  const relay = opts.relay && { roomsFile: opts.roomsFile ?? undefined };
  const { url } = await serve(opts.site, opts.port, host, { relay });
  if (opts.lan) {
    const port = new URL(url).port;
    const addrs = lanAddresses();
    console.log('Serving a classroom on the local network: every device on it can open the trainer.');
    if (addrs.length === 0) console.log('  (no network address found: only this machine can connect)');
    for (const a of addrs) console.log(`  http://${a}:${port}/`);
    console.log(`  and on this machine ${url}  (Ctrl+C stops it)`);
    if (opts.relay) console.log(`The classroom relay listens at ws://HOST:${port}/relay (docs/classroom.md).`);
  } else {
    console.log(`Tractus is served at ${url}  (Ctrl+C stops it; --lan serves a classroom)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(`serve: ${e.message}`); process.exit(1); });
}
