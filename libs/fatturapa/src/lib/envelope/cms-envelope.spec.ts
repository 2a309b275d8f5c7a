import { readFatturaPa } from '../read-fatturapa';
import { catchFatturaPaError } from '../../testing/expect-error';
import { buildSignedData, toBase64Lines } from '../../testing/cms-builder';
import { readTestData, utf8 } from '../../testing/test-data';
import { unwrapEnvelopes } from './cms-envelope';

const xml = readTestData('fpa12-two-bodies.xml');
const plain = readFatturaPa(xml);

describe('p7m envelopes', () => {
  it('unwraps a DER envelope', () => {
    const result = readFatturaPa(buildSignedData(xml));

    expect(result.signed).toBe(true);
    expect(result.invoices).toEqual(plain.invoices);
    expect(result.seller).toEqual(plain.seller);
  });

  it('unwraps base64 text of DER', () => {
    const result = readFatturaPa(utf8(toBase64Lines(buildSignedData(xml))));

    expect(result.signed).toBe(true);
    expect(result.invoices).toEqual(plain.invoices);
  });

  it('unwraps base64 without line breaks', () => {
    const base64 = toBase64Lines(buildSignedData(xml)).replace(/\r\n/g, '');

    expect(readFatturaPa(utf8(base64)).invoices).toEqual(plain.invoices);
  });

  it('unwraps PEM', () => {
    const pem = `-----BEGIN PKCS7-----\r\n${toBase64Lines(buildSignedData(xml))}\r\n-----END PKCS7-----\r\n`;

    expect(readFatturaPa(utf8(pem)).invoices).toEqual(plain.invoices);
  });

  it('unwraps BER with indefinite lengths and chunks', () => {
    const envelope = buildSignedData(xml, { encoding: 'ber-chunked', chunkSize: 1000 });
    expect(envelope[1]).toBe(0x80);

    const result = readFatturaPa(envelope);

    expect(result.signed).toBe(true);
    expect(result.invoices).toEqual(plain.invoices);
  });

  it('unwraps base64 BER with small chunks', () => {
    const envelope = buildSignedData(xml, { encoding: 'ber-chunked', chunkSize: 7 });

    expect(readFatturaPa(utf8(toBase64Lines(envelope))).invoices).toEqual(plain.invoices);
  });

  it('unwraps a BOM inside the envelope', () => {
    const withBom = readTestData('utf8-bom.xml');

    expect(readFatturaPa(buildSignedData(withBom)).invoices[0].number).toBe('BOM-1');
  });

  it('unwraps an envelope inside an envelope', () => {
    const twice = buildSignedData(buildSignedData(xml, { encoding: 'ber-chunked' }));

    expect(readFatturaPa(twice).invoices).toEqual(plain.invoices);
  });

  it('leaves plain XML untouched', () => {
    const unwrapped = unwrapEnvelopes(xml);

    expect(unwrapped.signed).toBe(false);
    expect(unwrapped.content).toBe(xml);
  });

  it('rejects a truncated DER envelope', () => {
    const envelope = buildSignedData(xml);

    for (const length of [2, 10, 40, Math.floor(envelope.length / 2), envelope.length - 1]) {
      const error = catchFatturaPaError(
        () => readFatturaPa(envelope.subarray(0, length)),
        'invalid-envelope',
      );
      expect(error.message).toContain('cannot be unwrapped');
    }
  });

  it('rejects a truncated BER envelope', () => {
    const envelope = buildSignedData(xml, { encoding: 'ber-chunked' });

    catchFatturaPaError(
      () => readFatturaPa(envelope.subarray(0, envelope.length - 2)),
      'invalid-envelope',
    );
    catchFatturaPaError(() => readFatturaPa(envelope.subarray(0, 1500)), 'invalid-envelope');
  });

  it('rejects truncated base64', () => {
    const base64 = toBase64Lines(buildSignedData(xml));

    catchFatturaPaError(() => readFatturaPa(utf8(base64.slice(0, 401))), 'invalid-envelope');
  });

  it('rejects a detached signature', () => {
    const error = catchFatturaPaError(
      () => readFatturaPa(buildSignedData(xml, { detached: true })),
      'invalid-envelope',
    );

    expect(error.message).toContain('detached');
  });

  it('rejects a SEQUENCE that is not SignedData', () => {
    // SEQUENCE { OID 1.2.840.113549.1.7.1 (id-data) } padded to use a long-form length.
    const bytes = Uint8Array.from([
      0x30, 0x81, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ]);

    catchFatturaPaError(() => readFatturaPa(bytes), 'invalid-envelope');
  });
});
