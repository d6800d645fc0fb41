/**
 * A fresh key for one ticket attempt. `crypto.randomUUID` only exists in secure contexts, and a
 * kiosk on a store LAN is often plain http, so fall back to `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
