// A test client for the relay: a ws connection that keeps every message it receives and can
// wait for the next one that matches.
import { WebSocket } from 'ws';

/** Connects to the relay at ws://127.0.0.1:port/relay; resolves once open. headers are sent
 *  with the upgrade request. */
export function connectRelay(port, headers = {}, path = '/relay') {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    const client = {
      ws, got: [], waiters: [], closed: null,
      send: (msg) => ws.send(typeof msg === 'string' || Buffer.isBuffer(msg) ? msg : JSON.stringify(msg)),
      /** Resolves to the first message (received or to come) for which pred holds, removing it. */
      next(pred = () => true, what = 'a message', timeoutMs = 3000) {
        const i = client.got.findIndex(pred);
        if (i >= 0) return Promise.resolve(client.got.splice(i, 1)[0]);
        return new Promise((res, rej) => {
          const w = { pred, res, timer: setTimeout(() => { client.waiters.splice(client.waiters.indexOf(w), 1); rej(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(client.got)}`)); }, timeoutMs) };
          client.waiters.push(w);
        });
      },
      /** Sends msg and resolves to the next message of type t (or an error). */
      async ask(msg, t) {
        client.send(msg);
        return client.next((m) => m.t === t || m.t === 'error', `a reply '${t}'`);
      },
      /** Resolves once the server closes the connection, to { code, reason }. */
      whenClosed: null,
      close: () => ws.close(),
    };
    client.whenClosed = new Promise((res) => ws.on('close', (code, reason) => { client.closed = { code, reason: String(reason) }; res(client.closed); }));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      const w = client.waiters.find((x) => x.pred(m));
      if (w) { clearTimeout(w.timer); client.waiters.splice(client.waiters.indexOf(w), 1); w.res(m); } else client.got.push(m);
    });
    ws.on('open', () => resolve(client));
    ws.on('unexpected-response', (req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.on('error', (e) => reject(e));
  });
}

/** Waits ms milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
