// The command line of server/serve.mjs: options read strictly, loopback by default, and a
// classroom on every address with --lan, saying so.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { lanAddresses } from '../lib/lan.mjs';
import { parseArgs } from '../serve.mjs';
import { makeSite } from './helpers.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'serve.mjs');

test('options are read strictly and each error names the option', () => {
  const plain = { site: 'site', port: 8080, lan: false, precompress: true, relay: true, roomsFile: null };
  assert.deepEqual(parseArgs(['site']), plain);
  assert.deepEqual(parseArgs(['site', '--port', '9000', '--lan']), { ...plain, port: 9000, lan: true });
  assert.deepEqual(parseArgs(['site', '--no-relay', '--rooms-file', 'r.json']), { ...plain, relay: false, roomsFile: 'r.json' });
  assert.match(parseArgs(['site', '--rooms-file']).error, /^--rooms-file: a file name is missing/);
  assert.match(parseArgs(['site', '--port', '9x']).error, /^--port: '9x'/);
  assert.match(parseArgs(['site', '--port', '70000']).error, /^--port: '70000'/);
  assert.match(parseArgs(['site', '--port']).error, /^--port: ''/);
  assert.match(parseArgs(['site', '--open']).error, /unknown option '--open'/);
  assert.match(parseArgs([]).error, /SITE_DIR is missing/);
});

test('LAN addresses are the IPv4 ones that are not loopback', () => {
  const ifs = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }],
    wlan0: [{ address: '10.0.0.7', family: 4, internal: false }],
  };
  assert.deepEqual(lanAddresses(ifs), ['192.168.1.20', '10.0.0.7']);
});

// starts the CLI, returns its first lines of output once it says it is serving
function startCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no start-up line: ${out}`)); }, 10_000);
    child.stdout.on('data', (c) => {
      out += c;
      if (/Ctrl\+C/.test(out)) { clearTimeout(timer); resolve({ child, out }); }
    });
    child.stderr.on('data', (c) => { out += c; });
  });
}

test('the default binds loopback; --lan binds every address and says it serves a classroom', async () => {
  const { root, site } = makeSite();
  try {
    const local = await startCli([site, '--port', '0']);
    local.child.kill();
    assert.match(local.out, /Tractus is served at http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(local.out, /tractus\.wasm .* gzip, .* brotli/);  // the compression table

    const lan = await startCli([site, '--port', '0', '--lan', '--no-precompress']);
    lan.child.kill();
    assert.match(lan.out, /Serving a classroom on the local network/);
    for (const a of lanAddresses()) assert.ok(lan.out.includes(`http://${a}:`), `${a} not printed`);
    assert.ok(fs.existsSync(path.join(site, 'tractus.wasm.br')));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a bad option exits 2 with the usage', async () => {
  const child = spawn(process.execPath, [script, '.', '--port', 'abc'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c) => { err += c; });
  const code = await new Promise((r) => child.on('close', r));
  assert.equal(code, 2);
  assert.match(err, /--port: 'abc' is not a port number/);
});
