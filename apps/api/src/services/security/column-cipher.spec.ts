import { decryptValue, encryptedColumn, encryptValue, setColumnCipherKey } from './column-cipher';

describe('column cipher', () => {
  beforeEach(() => setColumnCipherKey('a test key that is long enough for the cipher'));

  it('encrypts with a fresh IV and decrypts back', () => {
    const first = encryptValue('password-SMTP-àè');
    const second = encryptValue('password-SMTP-àè');

    expect(first).toMatch(/^enc:v1:/);
    expect(first).not.toContain('password');
    expect(first).not.toBe(second);
    expect(decryptValue(first)).toBe('password-SMTP-àè');
  });

  it('rejects a changed value', () => {
    const stored = encryptValue('segreta');
    const bytes = Buffer.from(stored.slice('enc:v1:'.length), 'base64');
    bytes[bytes.length - 1] ^= 1;

    expect(() => decryptValue(`enc:v1:${bytes.toString('base64')}`)).toThrow();
  });

  it('rejects another key', () => {
    const stored = encryptValue('segreta');
    setColumnCipherKey('another key, also long enough for the cipher');

    expect(() => decryptValue(stored)).toThrow();
  });

  it('reads values stored before encryption as they are', () => {
    expect(encryptedColumn.from('plain-old-password')).toBe('plain-old-password');
    expect(encryptedColumn.from(null)).toBeNull();
    expect(encryptedColumn.to(null)).toBeNull();
  });
});
