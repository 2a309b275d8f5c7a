import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ValueTransformer } from 'typeorm';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let activeKey: Buffer | null = null;

/** Sets the key of encryptedColumn; a secret of any length is stretched to 256 bits with SHA-256. */
export function setColumnCipherKey(secret: string | Buffer): void {
  activeKey = createHash('sha256').update(secret).digest();
}

function requireKey(): Buffer {
  if (activeKey === null) {
    throw new Error('The column cipher has no key; SecretsKeyService must start before encrypted columns are used');
  }

  return activeKey;
}

/** Encrypts with AES-256-GCM as "enc:v1:" + base64(iv, tag, ciphertext). */
export function encryptValue(plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);

  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** Decrypts a value written by encryptValue; a changed value or another key throws. */
export function decryptValue(stored: string): string {
  const data = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), data.subarray(0, IV_BYTES));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));

  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * Stores a string column encrypted. Values written before encryption existed (no prefix) are
 * read as they are and encrypted at the next save.
 */
export const encryptedColumn: ValueTransformer = {
  to: (value: string | null | undefined) => (value === null || value === undefined || value === '' ? value : encryptValue(value)),
  from: (value: string | null) => (value !== null && value.startsWith(PREFIX) ? decryptValue(value) : value),
};
