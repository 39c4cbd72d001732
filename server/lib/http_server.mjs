// node:http with the limits that keep one slow, large or flooding client from taking the
// server down, serving the static site; the classroom relay attaches to its upgrade event.
import http from 'node:http';
import { defaultLimits } from './limits.mjs';
import { attachRelay } from './relay/relay.mjs';
import { staticHandler } from './static.mjs';

/**
 * Creates (does not start) an HTTP server for the site under root. limits overrides any of
 * `defaultLimits`. A handler that throws answers 500 and the server keeps running.
 */
export function createTractusServer(root, limits = {}) {
  const lim = { ...defaultLimits, ...limits };
  const handle = staticHandler(root);
  const server = http.createServer({
    maxHeaderSize: lim.maxHeaderBytes,
    headersTimeout: lim.headersTimeoutMs,
    requestTimeout: lim.requestTimeoutMs,
    keepAliveTimeout: lim.keepAliveTimeoutMs,
    connectionsCheckingInterval: lim.checkIntervalMs,
  }, (req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
      console.error(`serve: ${req.method} ${JSON.stringify(req.url)}: ${err.message}`);
    }
  });
  server.maxConnections = lim.maxConnections;
  server.maxRequestsPerSocket = lim.maxRequestsPerSocket;
  // node answers a malformed request (400), oversized headers (431) or a timeout (408) itself;
  // a socket that is already gone only needs closing
  server.on('clientError', (err, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') { socket.destroy(); return; }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}

/**
 * Serves the files under root on host:port (port 0 picks a free one); resolves to
 * { server, url, relay } once listening. The default host is loopback: only this machine can
 * reach it. options.limits overrides server limits; options.relay (an options object for
 * attachRelay, or true) also serves the classroom relay at /relay, else relay is null.
 */
export function serve(root, port = 8080, host = '127.0.0.1', options = {}) {
  const server = createTractusServer(root, options.limits);
  const relay = options.relay ? attachRelay(server, options.relay === true ? {} : options.relay) : null;
  if (relay) {
    // closing the server closes the relay's sockets first, or close would wait on them forever
    const closeHttp = server.close.bind(server);
    server.close = (cb) => { relay.close(); return closeHttp(cb); };
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
      resolve({ server, url: `http://${shownHost}:${server.address().port}/`, relay });
    });
  });
}
