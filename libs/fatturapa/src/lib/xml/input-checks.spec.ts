import { readFatturaPa } from '../read-fatturapa';
import { catchFatturaPaError } from '../../testing/expect-error';
import { readTestData, readTestDataText, utf8 } from '../../testing/test-data';

describe('DTD and entities', () => {
  it('rejects a billion laughs document', () => {
    const error = catchFatturaPaError(
      () => readFatturaPa(readTestData('dtd-billion-laughs.xml')),
      'forbidden-dtd',
    );

    expect(error.message).toContain('<!DOCTYPE');
  });

  it('rejects an external entity', () => {
    catchFatturaPaError(
      () => readFatturaPa(readTestData('dtd-external-entity.xml')),
      'forbidden-dtd',
    );
  });

  it('rejects a lone ENTITY declaration', () => {
    catchFatturaPaError(() => readFatturaPa(utf8('<a><!ENTITY x "y"></a>')), 'forbidden-dtd');
  });

  it('rejects a DOCTYPE in UTF-16', () => {
    const text = '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) {
      bytes[2 + index * 2] = text.charCodeAt(index);
    }

    catchFatturaPaError(() => readFatturaPa(bytes), 'forbidden-dtd');
  });

  it('rejects an undefined entity reference', () => {
    const text = readTestDataText('default-namespace.xml').replace(
      'Consulenza tecnica',
      'Consulenza&nbsp;tecnica',
    );

    const error = catchFatturaPaError(() => readFatturaPa(utf8(text)), 'malformed-xml');

    expect(error.message).toContain('&nbsp;');
  });

  it('rejects a character reference to NUL', () => {
    const text = readTestDataText('default-namespace.xml').replace(
      'Consulenza tecnica',
      'Consulenza&#0;tecnica',
    );

    catchFatturaPaError(() => readFatturaPa(utf8(text)), 'malformed-xml');
  });

  it('decodes entities in attribute values', () => {
    const text = readTestDataText('default-namespace.xml').replace(
      'versione="FPR12"',
      'versione="&#70;PR12"',
    );

    expect(readFatturaPa(utf8(text)).format).toBe('FPR12');
  });
});

describe('non-XML input', () => {
  it('rejects an empty file', () => {
    const error = catchFatturaPaError(() => readFatturaPa(readTestData('empty.xml')), 'not-xml');

    expect(error.message).toBe('The file is empty.');
  });

  it('rejects a ZIP archive', () => {
    const error = catchFatturaPaError(
      () => readFatturaPa(readTestData('zip-archive.zip')),
      'not-xml',
    );

    expect(error.message).toContain('ZIP');
  });

  it('rejects a PDF', () => {
    catchFatturaPaError(() => readFatturaPa(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj')), 'not-xml');
  });

  it('rejects random binary bytes', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, index) => (index * 7919 + 13) % 256);

    catchFatturaPaError(() => readFatturaPa(bytes), 'not-xml');
  });

  it('rejects plain text', () => {
    catchFatturaPaError(() => readFatturaPa(utf8('Fattura n. 12 del 2024')), 'not-xml');
  });

  it('rejects UTF-16 without a byte order mark', () => {
    catchFatturaPaError(
      () => readFatturaPa(Uint8Array.from([0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e, 0x00])),
      'not-xml',
    );
  });
});

describe('malformed and hostile XML', () => {
  it('rejects mismatched tags', () => {
    const error = catchFatturaPaError(
      () => readFatturaPa(readTestData('malformed.xml')),
      'malformed-xml',
    );

    expect(error.message).toMatch(/^The XML is malformed at line \d+/);
  });

  it('says a file cut short is probably truncated', () => {
    const text = readTestDataText('default-namespace.xml');

    const cut = text.lastIndexOf('>', Math.floor(text.length / 2)) + 1;

    const error = catchFatturaPaError(() => readFatturaPa(utf8(text.slice(0, cut))), 'malformed-xml');

    expect(error.message).toMatch(/^The XML ends before these elements are closed: FatturaElettronica, /);
    expect(error.message).toContain('the file is probably truncated');
  });

  it('rejects two root elements', () => {
    const text = readTestDataText('default-namespace.xml');

    catchFatturaPaError(() => readFatturaPa(utf8(`${text}<Extra/>`)), 'malformed-xml');
  });

  it('rejects very deep nesting without a stack overflow', () => {
    const depth = 200_000;
    const text = `<a>${'<b>'.repeat(depth)}${'</b>'.repeat(depth)}</a>`;

    const error = catchFatturaPaError(() => readFatturaPa(utf8(text)), 'malformed-xml');

    expect(error.message).toContain('nested more than 64');
  });

  it('accepts comments, CDATA and self-closing tags when counting depth', () => {
    const text = readTestDataText('default-namespace.xml').replace(
      '<DatiGenerali>',
      '<DatiGenerali><!-- <x><y><z> --><Altro attributo="a>b"/><![CDATA[<p><q>]]>',
    );

    expect(readFatturaPa(utf8(text)).invoices[0].number).toBe('DN-7');
  });
});

describe('size limit', () => {
  it('rejects input over maxBytes', () => {
    const bytes = readTestData('default-namespace.xml');

    const error = catchFatturaPaError(
      () => readFatturaPa(bytes, { maxBytes: 1000 }),
      'file-too-large',
    );

    expect(error.message).toContain(`${bytes.length} bytes`);
  });

  it('checks the size before decoding', () => {
    catchFatturaPaError(
      () => readFatturaPa(readTestData('zip-archive.zip'), { maxBytes: 4 }),
      'file-too-large',
    );
  });

  it('accepts input of exactly maxBytes', () => {
    const bytes = readTestData('default-namespace.xml');

    expect(readFatturaPa(bytes, { maxBytes: bytes.length }).invoices).toHaveLength(1);
  });

  it('rejects an invalid maxBytes option', () => {
    expect(() => readFatturaPa(utf8('<a/>'), { maxBytes: -1 })).toThrow(RangeError);
  });
});
