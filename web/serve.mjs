// A minimal static file server for the built trainer (node, no dependencies).
// usage: node web/serve.mjs DIR [PORT] [HOST]     (PORT 0 picks a free port)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png',
};

/** Serves the files under root; resolves to { server, url } once listening. */
export function serve(root, port = 8080, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) { res.writeHead(403).end('forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream',
                           'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      resolve({ server, url: `http://${host}:${server.address().port}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] || '.';
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root} has no index.html (build the web trainer first)`);
    process.exit(1);
  }
  serve(root, Number(process.argv[3] || 8080), process.argv[4] || '127.0.0.1')
    .then(({ url }) => console.log(`Tractus is served at ${url}  (Ctrl+C stops it)`))
    .catch((e) => { console.error(`serve: ${e.message}`); process.exit(1); });
}
