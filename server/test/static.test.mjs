// The static server: content types, cache validation, precompressed encodings, and every
// hostile request the issue names (bad percent-encoding, traversal in each encoding, slow and
// oversized headers, floods) answered without the process dying or a byte of outside files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { serve } from '../lib/http_server.mjs';
import { checkTarget } from '../lib/static.mjs';
import { precompress } from '../lib/precompress.mjs';
import { get, header, makeSite, rawRequest, secret } from './helpers.mjs';

let fx, server, port;
const limits = { headersTimeoutMs: 400, requestTimeoutMs: 800, checkIntervalMs: 100, maxConnections: 64 };

before(async () => {
  fx = makeSite();
  ({ server } = await serve(fx.site, 0, '127.0.0.1', { limits }));
  port = server.address().port;
});
after(() => { server.closeAllConnections(); server.close(); fs.rmSync(fx.root, { recursive: true, force: true }); });

// the server still answers a plain request after whatever a test threw at it
async function assertAlive() {
  const r = await get(port, '/');
  assert.equal(r.status, 200, 'server no longer answers GET /');
}

describe('serving the site', () => {
  test('binds to loopback by default', () => {
    assert.equal(server.address().address, '127.0.0.1');
  });

  test('content types for the files the trainer loads', async () => {
    const want = { '/': 'text/html', '/index.html': 'text/html', '/tractus.js': 'text/javascript',
      '/tractus.wasm': 'application/wasm', '/tractus.data': 'application/octet-stream' };
    for (const [target, type] of Object.entries(want)) {
      const r = await get(port, target);
      assert.equal(r.status, 200, target);
      assert.ok(header(r, 'content-type').startsWith(type), `${target}: ${header(r, 'content-type')}`);
      assert.equal(header(r, 'x-content-type-options'), 'nosniff');
    }
    assert.equal((await get(port, '/tractus.wasm')).body.length, 64 * 1024);
  });

  test('an ETag revalidates to 304 and every load revalidates (no-cache)', async () => {
    const r = await get(port, '/tractus.wasm');
    const etag = header(r, 'etag');
    assert.ok(etag, 'no ETag');
    assert.equal(header(r, 'cache-control'), 'no-cache');
    const again = await get(port, '/tractus.wasm', [`If-None-Match: ${etag}`]);
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('a rebuilt file is served at once with a new ETag', async () => {
    const file = path.join(fx.site, 'rebuilt.json');
    fs.writeFileSync(file, '{"v":1}');
    const first = await get(port, '/rebuilt.json');
    fs.writeFileSync(file, '{"v":22}');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await get(port, '/rebuilt.json');
    assert.equal(second.body.toString(), '{"v":22}');
    assert.notEqual(header(first, 'etag'), header(second, 'etag'));
  });

  test('HEAD sends headers only; other methods get 405', async () => {
    const head = await rawRequest(port, 'HEAD /tractus.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    for (const m of ['POST', 'PUT', 'DELETE', 'TRACE']) {
      const r = await rawRequest(port, `${m} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      assert.equal(r.status, 405, m);
    }
  });

  test('ranges: one valid range gets 206; suffix, reversed and junk ranges get the whole file', async () => {
    const part = await get(port, '/tractus.wasm', ['Range: bytes=0-3']);
    assert.equal(part.status, 206);
    assert.deepEqual([...part.body], [0x00, 0x61, 0x73, 0x6d]);
    for (const bad of ['bytes=5-2', 'bytes=-3', 'bytes=0-1,4-5', 'bytes=abc', 'items=0-1', `bytes=${'9'.repeat(40)}-`]) {
      const r = await get(port, '/tractus.wasm', [`Range: ${bad}`]);
      assert.equal(r.status, 200, bad);
      assert.equal(r.body.length, 64 * 1024, bad);
    }
    const beyond = await get(port, '/tractus.wasm', ['Range: bytes=999999-']);
    assert.equal(beyond.status, 416);
    await assertAlive();
  });
});

describe('precompressed encodings', () => {
  let rows;
  before(() => { rows = precompress(fx.site); });

  test('brotli and gzip copies are written, smaller, and decode to the file', async () => {
    const wasm = rows.find((r) => r.file === 'tractus.wasm');
    assert.ok(wasm.brotliBytes < wasm.rawBytes && wasm.gzipBytes < wasm.rawBytes, JSON.stringify(wasm));
    const raw = fs.readFileSync(path.join(fx.site, 'tractus.wasm'));
    const br = await get(port, '/tractus.wasm', ['Accept-Encoding: gzip, deflate, br']);
    assert.equal(header(br, 'content-encoding'), 'br');
    assert.equal(header(br, 'vary'), 'Accept-Encoding');
    assert.ok(header(br, 'content-type').startsWith('application/wasm'));
    assert.deepEqual(zlib.brotliDecompressSync(br.body), raw);
    const gz = await get(port, '/tractus.wasm', ['Accept-Encoding: gzip']);
    assert.equal(header(gz, 'content-encoding'), 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.body), raw);
    const plain = await get(port, '/tractus.wasm');
    assert.equal(header(plain, 'content-encoding'), undefined);
    assert.deepEqual(plain.body, raw);
  });

  test('a second run rewrites nothing that is fresh', () => {
    assert.ok(precompress(fx.site).every((r) => !r.written));
  });

  test('a copy older than its file is never served', async () => {
    const file = path.join(fx.site, 'tractus.js');
    fs.writeFileSync(file, `// rebuilt\n${'console.log("y");\n'.repeat(500)}`);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    const r = await get(port, '/tractus.js', ['Accept-Encoding: br, gzip']);
    assert.equal(header(r, 'content-encoding'), undefined);
    assert.ok(r.body.toString().startsWith('// rebuilt'));
  });
});

describe('hostile requests', () => {
  test('bad percent-encoding gets 400 and the server lives (the old server died here)', async () => {
    for (const t of ['/%E0%A4%A', '/%', '/%zz', '/%E0%A4', '/index.html%']) {
      const r = await get(port, t);
      assert.equal(r.status, 400, t);
      assert.match(r.body.toString(), /malformed percent-encoding/);
    }
    await assertAlive();
  });

  test('path traversal in every encoding never reaches outside the site', async () => {
    const targets = [
      '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt',
      '/.%2e/secret.txt', '/%2e./secret.txt', '/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt',
      '/..%5csecret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt', '/%c0%ae%c0%ae/secret.txt',
      '/%c0%af..%c0%afsecret.txt', '/%e0%80%ae%e0%80%ae/secret.txt', '/%25c0%25ae%25c0%25ae/secret.txt',
      '/./../secret.txt', '//../secret.txt', '/site/../../secret.txt', '/index.html/../../secret.txt',
      '/%00/../secret.txt', '/..;/secret.txt', '/..%00/secret.txt', '/.secret', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'http://127.0.0.1/../secret.txt', '../secret.txt', '*',
    ];
    for (const t of targets) {
      const r = await get(port, t);
      assert.ok(r.status === 400 || r.status === 404, `${t}: status ${r.status}`);
      assert.ok(!r.body.toString('latin1').includes(secret), `${t} leaked the secret`);
    }
    await assertAlive();
  });

  test('checkTarget names the reason for each kind of refusal', () => {
    assert.equal(checkTarget('/%E0%A4%A').reason, 'malformed percent-encoding');
    assert.equal(checkTarget('/%c0%ae').reason, 'malformed percent-encoding');  // overlong '.'
    assert.equal(checkTarget('/%252e').reason, 'percent-encoding inside percent-encoding');
    assert.equal(checkTarget('/a%5cb').reason, 'backslash or control character in path');
    assert.equal(checkTarget('/a/%2e%2e/b').reason, 'dot segment in path');
    assert.equal(checkTarget('/' + 'a'.repeat(3000)).reason, 'request target over 2048 characters');
    assert.deepEqual(checkTarget('/tractus.wasm?v=2'), { path: '/tractus.wasm' });
  });

  test('headers that trickle in are cut off at the headers timeout', async () => {
    const r = await new Promise((resolve) => {
      const t0 = Date.now();
      const sock = net.connect(port, '127.0.0.1', () => sock.write('GET / HTTP/1.1\r\nHost: x\r\n'));
      const drip = setInterval(() => { if (!sock.destroyed) sock.write('X-Slow: 1\r\n'); }, 100);
      let data = '';
      sock.on('data', (c) => { data += c; });
      sock.on('error', () => {});
      const giveUp = setTimeout(() => sock.destroy(), 10_000);
      sock.on('close', () => { clearInterval(drip); clearTimeout(giveUp); resolve({ ms: Date.now() - t0, data }); });
    });
    // headersTimeout 400 ms, checked every 100 ms; 10 s would mean no timeout at all
    assert.ok(r.ms < 3000, `slow headers held the socket ${r.ms} ms`);
    assert.match(r.data, /^HTTP\/1\.1 408/);
    await assertAlive();
  });

  test('oversized headers get 431', async () => {
    const r = await get(port, '/', [`X-Big: ${'a'.repeat(32 * 1024)}`]);
    assert.equal(r.status, 431);
    await assertAlive();
  });

  test('a connection flood past maxConnections is shed and the server recovers', async () => {
    const socks = [];
    for (let i = 0; i < 200; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => {});
      socks.push(s);
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(server.listening);
    socks.forEach((s) => s.destroy());
    await new Promise((r) => setTimeout(r, 200));
    await assertAlive();
  });

  test('a request flood on loopback is answered and the server stays up', async () => {
    // 40 kept-alive sockets, each pipelining 25 requests: 1,000 requests at once
    const perSocket = 25;
    const replies = await Promise.all(Array.from({ length: 40 }, () => rawRequest(port,
      `${'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(perSocket - 1)}GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 20_000)));
    const answered = replies.reduce((n, r) => n + (r.head.match(/^HTTP\/1\.1 200/gm)?.length ?? 0)
      + (r.body.toString('latin1').match(/HTTP\/1\.1 200/g)?.length ?? 0), 0);
    assert.equal(answered, 40 * perSocket);
    await assertAlive();
  });
});
