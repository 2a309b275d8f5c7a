import { createHash, randomBytes } from 'node:crypto';

/** Every API key starts with this, so a bearer value can be distinguished from an access token (a JWT). */
export const API_KEY_PREFIX = 'sk_';

/** Characters of the key kept in clear to tell keys apart: "sk_" and 8 of the 43 random ones (48 bits). */
const VISIBLE_LENGTH = API_KEY_PREFIX.length + 8;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** Generates "sk_" followed by 32 random bytes in base64url. */
export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;

  return { key, prefix: key.slice(0, VISIBLE_LENGTH), hash: hashApiKey(key) };
}

/**
 * Returns the SHA-256 of a key in hex. A fast hash suffices because the key has 256 random bits,
 * so it cannot be guessed the way a password can.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
