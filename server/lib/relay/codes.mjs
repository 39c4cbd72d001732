// Join codes people can read out and type, and keys only machines handle.
import crypto from 'node:crypto';

// Crockford's base32: no I, L, O or U, so nothing reads as another symbol or a word
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a join code: 9 × 5 bits = 45 bits of entropy. */
export const codeSymbols = 9;

/** Returns a fresh join code in its human form, three groups of three: 'K7Q-2MX-9TD'. */
export function newJoinCode(random = crypto.randomBytes) {
  const bytes = random(codeSymbols);
  let s = '';
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform
  for (let i = 0; i < codeSymbols; i++) s += alphabet[bytes[i] & 31];
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6)}`;
}

/**
 * Reads a join code as a person typed it (any case, spaces or dashes anywhere, O for 0,
 * I or L for 1) and returns its canonical form without separators, or null when it cannot be
 * a join code.
 */
export function canonicalCode(typed) {
  if (typeof typed !== 'string' || typed.length > 32) return null;
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== codeSymbols) return null;
  for (const c of s) if (!alphabet.includes(c)) return null;
  return s;
}

/** Returns a 128-bit secret as 22 base64url characters (an instructor's or trainee's key). */
export function newKey() {
  return crypto.randomBytes(16).toString('base64url');
}

/** Returns a 64-bit room id as 11 base64url characters: a name, not a secret. */
export function newRoomId() {
  return crypto.randomBytes(8).toString('base64url');
}

/** Returns the SHA-256 of a key (hex): what the relay keeps and compares, never the key. */
export function hashKey(key) {
  return crypto.createHash('sha256').update(String(key)).digest('hex');
}

/** Compares two key hashes in constant time. */
export function sameHash(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
