import { catchFatturaPaError } from '../testing/expect-error';
import { buildSignedData, concatBytes, toBase64Lines } from '../testing/cms-builder';
import { sampleFatturaPaXml } from '../testing/sample-document';
import { utf8 } from '../testing/test-data';
import { FatturaPaErrorCode } from './model';
import { readFatturaPa } from './read-fatturapa';

/**
 * Hostile files built in code. Each case checks the typed error and a generous heap bound: the
 * growth of heapUsed plus arrayBuffers across the call, which includes garbage not yet collected,
 * so it overstates the live memory. Timings are in tools/bench and docs/benchmarks.md, not here.
 */

const MIB = 1024 * 1024;

function allocatedBytes(): number {
  const usage = process.memoryUsage();

  return usage.heapUsed + usage.arrayBuffers;
}

/** Reads `bytes`, expects the error `code` and returns its message with the heap growth in bytes. */
function rejectAndMeasure(bytes: Uint8Array, code: FatturaPaErrorCode, options?: { maxBytes?: number }) {
  const before = allocatedBytes();
  const error = catchFatturaPaError(() => readFatturaPa(bytes, options), code);

  return { message: error.message, heapGrowth: allocatedBytes() - before };
}

const sample = sampleFatturaPaXml();
const rootStart = sample.indexOf('<p:FatturaElettronica');

/** Puts `doctype` between the XML declaration and the root element of the valid sample. */
function withDoctype(doctype: string, body: string = sample.slice(rootStart)): Uint8Array {
  return utf8(`${sample.slice(0, rootStart)}${doctype}\n${body}`);
}

function billionLaughs(levels: number): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level < levels; level++) {
    entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  }

  return `<!DOCTYPE p:FatturaElettronica [${entities.join('')}]>`;
}

describe('hostile input', () => {
  it('rejects billion laughs before expansion (heap < 16 MiB)', () => {
    const body = sample.slice(rootStart).replace('Manutenzione impianto', '&lol9;');

    const { message, heapGrowth } = rejectAndMeasure(withDoctype(billionLaughs(10), body), 'forbidden-dtd');

    expect(message).toContain('<!DOCTYPE');
    expect(heapGrowth).toBeLessThan(16 * MIB);
  });

  it('rejects an external entity to a local file', () => {
    const body = sample.slice(rootStart).replace('Manutenzione impianto', '&xxe;');
    const doctype = '<!DOCTYPE p:FatturaElettronica [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

    const { message } = rejectAndMeasure(withDoctype(doctype, body), 'forbidden-dtd');

    expect(message).not.toContain('root:');
  });

  it('rejects an external entity to a URL', () => {
    const doctype = '<!DOCTYPE p:FatturaElettronica [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>';

    rejectAndMeasure(withDoctype(doctype), 'forbidden-dtd');
  });

  it('rejects a DOCTYPE without entities', () => {
    rejectAndMeasure(withDoctype('<!DOCTYPE p:FatturaElettronica SYSTEM "fatturapa.dtd">'), 'forbidden-dtd');
  });

  it('rejects a lower-case doctype with white space', () => {
    rejectAndMeasure(withDoctype('<! doctype FatturaElettronica>'), 'forbidden-dtd');
  });

  it('rejects a DOCTYPE inside a p7m envelope', () => {
    const envelope = buildSignedData(withDoctype(billionLaughs(10)));

    rejectAndMeasure(envelope, 'forbidden-dtd');
  });

  it('rejects 100,000 nested elements (heap < 64 MiB)', () => {
    const depth = 100_000;
    const body = sample
      .slice(rootStart)
      .replace('<Descrizione>', `<Descrizione>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`);

    const { message, heapGrowth } = rejectAndMeasure(utf8(`${sample.slice(0, rootStart)}${body}`), 'malformed-xml');

    expect(message).toContain('nested more than 64');
    expect(heapGrowth).toBeLessThan(64 * MIB);
  });

  it('rejects 50 MB under the default limit (heap < 8 MiB)', () => {
    const padding = new Uint8Array(50 * 1000 * 1000 - sample.length).fill(0x20);
    const bytes = concatBytes([utf8(sample), padding]);

    const { message, heapGrowth } = rejectAndMeasure(bytes, 'file-too-large');

    expect(message).toContain(`The file is ${bytes.length} bytes, more than the limit of ${20 * MIB} bytes`);
    expect(heapGrowth).toBeLessThan(8 * MIB);
  });

  it('rejects a truncated p7m', () => {
    const envelope = buildSignedData(utf8(sample));

    const { message } = rejectAndMeasure(envelope.subarray(0, Math.floor(envelope.length / 2)), 'invalid-envelope');

    expect(message).toContain('The signed file (.p7m) cannot be unwrapped');
  });

  it('rejects a truncated base64 p7m', () => {
    const text = toBase64Lines(buildSignedData(utf8(sample)));

    rejectAndMeasure(utf8(text.slice(0, Math.floor(text.length / 2))), 'invalid-envelope');
  });

  it('rejects a p7m with a tampered content type', () => {
    const envelope = buildSignedData(utf8(sample));
    // The SignedData OID ends with the byte 0x02 at offset 14 (1.2.840.113549.1.7.2).
    const tampered = envelope.slice();
    expect(tampered[14]).toBe(0x02);
    tampered[14] = 0x03;

    const { message } = rejectAndMeasure(tampered, 'invalid-envelope');

    expect(message).toContain('not SignedData');
  });

  it('rejects a p7m whose length points past the end', () => {
    const envelope = buildSignedData(utf8(sample)).slice();
    // Outer SEQUENCE with a two-byte length: set it to the maximum.
    expect(envelope[1]).toBe(0x82);
    envelope[2] = 0xff;
    envelope[3] = 0xff;

    const { message } = rejectAndMeasure(envelope, 'invalid-envelope');

    expect(message).toContain('declares 65535 bytes');
  });

  it('rejects a detached signature', () => {
    rejectAndMeasure(buildSignedData(utf8(sample), { detached: true }), 'invalid-envelope');
  });

  it('rejects a ZIP in place of XML', () => {
    const localFileHeader = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00);

    const { message } = rejectAndMeasure(concatBytes([localFileHeader, utf8(sample)]), 'not-xml');

    expect(message).toContain('ZIP archive');
  });

  it('rejects a ZIP inside a p7m envelope', () => {
    const emptyZip = Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0));

    rejectAndMeasure(buildSignedData(emptyZip), 'not-xml');
  });

  it('rejects envelopes nested four deep', () => {
    let bytes = utf8(sample);
    for (let level = 0; level < 4; level++) {
      bytes = buildSignedData(bytes);
    }

    rejectAndMeasure(bytes, 'invalid-envelope');
  });
});

describe('markup limits', () => {
  const body = sample.slice(rootStart);
  const declaration = sample.slice(0, rootStart);

  it('rejects 20 MB of text in one field (heap < 64 MiB)', () => {
    const bytes = utf8(declaration + body.replace('Manutenzione impianto', 'y'.repeat(20_000_000)));

    const { message, heapGrowth } = rejectAndMeasure(bytes, 'invalid-value');

    expect(message).toBe(
      'The element "Descrizione" contains 20000000 characters of text, more than the 100000 that any FatturaPA text field allows. The file was rejected without being parsed.',
    );
    expect(heapGrowth).toBeLessThan(64 * MIB);
  });

  it('rejects a long CDATA section', () => {
    const bytes = utf8(declaration + body.replace('Manutenzione impianto', `<![CDATA[${'y'.repeat(200_000)}]]>`));

    const { message } = rejectAndMeasure(bytes, 'invalid-value');

    expect(message).toContain('"Descrizione" contains 200012 characters');
  });

  it('rejects a 20 MB attribute value (heap < 64 MiB)', () => {
    const bytes = utf8(declaration + body.replace('<Descrizione>', `<Descrizione note="${'y'.repeat(20_000_000)}">`));

    const { message, heapGrowth } = rejectAndMeasure(bytes, 'malformed-xml');

    expect(message).toMatch(/^The XML has a start tag of 20000021 characters at offset \d+, more than the 10000/);
    expect(heapGrowth).toBeLessThan(64 * MIB);
  });

  it('rejects 2,000,000 empty elements', () => {
    const bytes = utf8(declaration + body.replace('<Descrizione>', `<Descrizione>${'<x/>'.repeat(2_000_000)}`));

    const { message } = rejectAndMeasure(bytes, 'malformed-xml');

    expect(message).toContain('more than 1000000 elements');
  });

  it('reads a file padded with 20 MB of white space', () => {
    const padding = ' \r\n\t'.repeat(5_000_000);
    const text = `${padding}${declaration}${body.replace('<Descrizione>', `${padding}<Descrizione>`)}${padding}`;

    const parsed = readFatturaPa(utf8(text), { maxBytes: 64 * MIB });

    expect(parsed.invoices[0].lines[0].description).toBe('Manutenzione impianto');
  });

  it('reads a file with a large attachment and ignores it', () => {
    const attachment = `<Allegati><NomeAttachment>contratto.pdf</NomeAttachment><Attachment>${'QUJD'.repeat(1_000_000)}</Attachment></Allegati>`;
    const withAttachment = body.replace('</DatiPagamento>', `</DatiPagamento>${attachment}`).replace(/<(\/?)Attachment>/g, '<$1AttachmentData>');

    const parsed = readFatturaPa(utf8(declaration + withAttachment));

    expect(parsed.invoices[0].number).toBe('FZ-1');
  });
});
