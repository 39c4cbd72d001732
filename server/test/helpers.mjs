// Shared fixtures for the server tests: a throw-away site with a secret beside it, and raw
// socket requests that send exactly the bytes a hostile client would.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const secret = 'TOP-SECRET-OUTSIDE-THE-SITE';

/** Makes DIR/site (index.html, tractus.js, tractus.wasm, tractus.data) and DIR/secret.txt;
 *  returns { root, site }. */
export function makeSite() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-serve-'));
  const site = path.join(root, 'site');
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(root, 'secret.txt'), secret);
  fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><title>Tractus</title>${'<p>hello</p>'.repeat(200)}`);
  fs.writeFileSync(path.join(site, 'tractus.js'), `// glue\n${'console.log("x");\n'.repeat(500)}`);
  // a wasm-like body: a real header, then repetitive but not constant bytes
  const wasm = Buffer.alloc(64 * 1024);
  Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]).copy(wasm);
  for (let i = 8; i < wasm.length; i++) wasm[i] = (i * 7) % 251 < 40 ? i % 13 : 0;
  fs.writeFileSync(path.join(site, 'tractus.wasm'), wasm);
  fs.writeFileSync(path.join(site, 'tractus.data'), Buffer.from('font-and-library '.repeat(300)));
  return { root, site };
}

/**
 * Sends raw bytes to 127.0.0.1:port and collects everything until the server closes or
 * timeoutMs passes. Resolves to { status (number or null), head, body, closedByServer, ms }.
 */
export function rawRequest(port, bytes, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const chunks = [];
    let closedByServer = false;
    const sock = net.connect(port, '127.0.0.1', () => sock.write(bytes));
    const finish = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = split < 0 ? all.toString('latin1') : all.subarray(0, split).toString('latin1');
      const body = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : null, head, body, closedByServer, ms: Date.now() - t0 });
    };
    const timer = setTimeout(() => { sock.destroy(); finish(); }, timeoutMs);
    sock.on('data', (c) => chunks.push(c));
    sock.on('end', () => { closedByServer = true; });
    sock.on('close', finish);
    sock.on('error', () => {});
  });
}

/** A GET of target with Connection: close and any extra header lines. */
export function get(port, target, extra = []) {
  return rawRequest(port, [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...extra, '', ''].join('\r\n'));
}

/** The value of one response header, lower-cased name, or undefined. */
export function header(res, name) {
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(res.head);
  return m ? m[1].trim() : undefined;
}
