import type { Rng } from '../prng.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** URL-safe id from the simulator's seeded stream: 22 characters = 132 bits, like a real token. */
export function seededId(r: Rng, length = 22): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(r() * 64)];
  return s;
}
