// The relay's message schema: every message a client sends is checked against it before the
// relay acts on it. A check returns null when the value fits, or 'path: reason'.

/** The largest WebSocket message the relay accepts, in bytes (ws closes larger ones, 1009). */
export const maxMessageBytes = 32 * 1024;

// limits on the free-form parts (a trainee's state and result): the relay carries them
// without reading them, so only their size and shape are bounded
export const freeFormLimits = Object.freeze({ depth: 8, nodes: 4000, stringChars: 2048, keyChars: 64, arrayItems: 1024 });

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

const text = (min, max, pattern) => (v, path) => {
  if (typeof v !== 'string') return `${path}: must be a string`;
  if (v.length < min || v.length > max) return `${path}: must be ${min}-${max} characters`;
  if (pattern && !pattern.test(v)) return `${path}: has characters outside ${pattern.source}`;
  return null;
};

const integer = (min, max) => (v, path) => {
  if (!Number.isSafeInteger(v)) return `${path}: must be an integer`;
  if (v < min || v > max) return `${path}: must be ${min}-${max}`;
  return null;
};

const number = (min, max) => (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${path}: must be a finite number`;
  if (v < min || v > max) return `${path}: must be ${min}-${max}`;
  return null;
};

const literal = (want) => (v, path) => (v === want ? null : `${path}: must be ${JSON.stringify(want)}`);

// an object with exactly these members (optional ones may be left out), nothing else
const object = (required, optional = {}) => (v, path) => {
  if (!isObject(v)) return `${path}: must be an object`;
  for (const k of Object.keys(v)) {
    if (!Object.hasOwn(required, k) && !Object.hasOwn(optional, k)) return `${path}.${k.slice(0, 64)}: is not a member of this message`;
  }
  for (const [k, check] of Object.entries(required)) {
    if (!Object.hasOwn(v, k)) return `${path}.${k}: is missing`;
    const e = check(v[k], `${path}.${k}`);
    if (e) return e;
  }
  for (const [k, check] of Object.entries(optional)) {
    if (Object.hasOwn(v, k)) { const e = check(v[k], `${path}.${k}`); if (e) return e; }
  }
  return null;
};

// one of several objects, chosen by the string in member `tag`
const tagged = (tag, variants) => (v, path) => {
  if (!isObject(v)) return `${path}: must be an object`;
  const check = Object.hasOwn(variants, v[tag]) ? variants[v[tag]] : null;
  if (!check) return `${path}.${tag}: must be one of ${Object.keys(variants).join(', ')}`;
  return check(v, path);
};

/** Checks a value the relay carries without reading (a state snapshot, a session result):
 *  plain JSON within freeFormLimits, no `__proto__` or `constructor` keys. */
export function freeForm(limits = freeFormLimits) {
  return (root, rootPath) => {
    let nodes = 0;
    const walk = (v, path, depth) => {
      if (++nodes > limits.nodes) return `${rootPath}: has more than ${limits.nodes} values`;
      if (depth > limits.depth) return `${path}: nested deeper than ${limits.depth}`;
      if (v === null || typeof v === 'boolean') return null;
      if (typeof v === 'number') return Number.isFinite(v) ? null : `${path}: must be finite`;
      if (typeof v === 'string') return v.length <= limits.stringChars ? null : `${path}: string over ${limits.stringChars} characters`;
      if (Array.isArray(v)) {
        if (v.length > limits.arrayItems) return `${path}: more than ${limits.arrayItems} items`;
        for (let i = 0; i < v.length; i++) { const e = walk(v[i], `${path}[${i}]`, depth + 1); if (e) return e; }
        return null;
      }
      if (isObject(v)) {
        for (const [k, x] of Object.entries(v)) {
          if (k.length > limits.keyChars) return `${path}: a key over ${limits.keyChars} characters`;
          if (k === '__proto__' || k === 'constructor' || k === 'prototype') return `${path}: key '${k}' is not allowed`;
          const e = walk(x, `${path}.${k}`, depth + 1);
          if (e) return e;
        }
        return null;
      }
      return `${path}: is not JSON`;
    };
    if (!isObject(root)) return `${rootPath}: must be an object`;
    return walk(root, rootPath, 0);
  };
}

const name = text(1, 64, /^[^\u0000-\u001f\u007f]+$/);  // a person's or station's name
const scenario = text(0, 64, /^[a-z0-9_.-]*$/);
const key = text(22, 22, /^[A-Za-z0-9_-]+$/);
const roomId = text(11, 11, /^[A-Za-z0-9_-]+$/);
const actionId = text(1, 64, /^[A-Za-z0-9_.:-]+$/);
const catalogueName = text(1, 64, /^[a-z0-9_.]+$/);
const line = text(1, 280, /^[^\u0000-\u0008\u000b-\u001f\u007f]+$/);  // a sentence to show or say
const seq = integer(0, Number.MAX_SAFE_INTEGER);
const simUs = integer(0, 24 * 3600 * 1e6);  // a day of simulated time

// the instructor's actions, in the session's own JSON form (scenarios/action.h) where the
// session has the kind; "when" delays a fault until a simulated time or a cord force (SI)
const when = tagged('on', {
  time: object({ on: literal('time'), at_s: number(0, 24 * 3600) }),
  force_above: object({ on: literal('force_above'), force_n: number(0, 2000) }),
});
export const instructorAction = tagged('action', {
  inject_fault: object({ action: literal('inject_fault'), name: catalogueName }, { when }),
  trigger_reaction: object({ action: literal('trigger_reaction'), name: catalogueName }),
  say: object({ action: literal('say'), text: line }),
  pause: object({ action: literal('pause') }),
  message: object({ action: literal('message'), text: line }),
});

// every message a client may send, by its "t"
const clientMessages = {
  create: object({ t: literal('create'), name, scenario }),
  claim: object({ t: literal('claim'), code: text(1, 32), name }, { key }),
  resume: tagged('role', {
    trainee: object({ t: literal('resume'), role: literal('trainee'), room: roomId, key, applied: seq }),
    instructor: object({ t: literal('resume'), role: literal('instructor'), key }),
  }),
  state: object({ t: literal('state'), seq, sim_us: simUs, state: freeForm() }),
  result: object({ t: literal('result'), result: freeForm() }),
  action: object({ t: literal('action'), room: roomId, id: actionId, action: instructorAction }),
  // refused: why the session could not take it (no session running, an unknown fault); it
  // still counts as handled, so it is never sent again
  applied: object({ t: literal('applied'), n: seq, id: actionId, sim_us: simUs }, { refused: line }),
};
const clientMessage = tagged('t', clientMessages);

/**
 * Parses and checks one client message (the text of a WebSocket message). Returns
 * { msg } when it is valid, or { error: 'path: reason' }.
 */
export function parseClientMessage(textValue) {
  if (typeof textValue !== 'string') return { error: 'message: must be JSON text, not binary' };
  if (Buffer.byteLength(textValue) > maxMessageBytes) return { error: `message: over ${maxMessageBytes} bytes` };
  let msg;
  try { msg = JSON.parse(textValue); } catch { return { error: 'message: is not valid JSON' }; }
  const error = clientMessage(msg, 'message');
  return error ? { error } : { msg };
}
