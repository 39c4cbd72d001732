// The HTTP server's limits, in one place so the tests can tighten them.

/** Defaults for every limit `createTractusServer` applies; each is documented where used. */
export const defaultLimits = Object.freeze({
  maxHeaderBytes: 16 * 1024,      // node's maxHeaderSize: a larger request gets 431
  headersTimeoutMs: 10_000,       // the whole header block must arrive within this (slowloris)
  requestTimeoutMs: 30_000,       // the whole request (headers and any body) within this
  keepAliveTimeoutMs: 5_000,      // an idle kept-alive socket closes after this
  checkIntervalMs: 1_000,         // how often node looks for sockets past those timeouts
  maxConnections: 512,            // further sockets are refused until some close
  maxRequestsPerSocket: 1_000,    // a kept-alive socket is closed after this many requests
});
