// The machine's addresses other devices on the local network can reach.
import os from 'node:os';

/** Returns this machine's non-loopback IPv4 addresses, e.g. ['192.168.1.20']. */
export function lanAddresses(interfaces = os.networkInterfaces()) {
  const out = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list || []) {
      const v4 = a.family === 'IPv4' || a.family === 4;  // node 18.0-18.3 reported a number
      if (v4 && !a.internal) out.push(a.address);
    }
  }
  return out;
}
