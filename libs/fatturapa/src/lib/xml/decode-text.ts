import { FatturaPaError } from '../model';

/**
 * Turns the invoice bytes into text.
 *
 * FatturaPA files declare UTF-8 in most cases, but some generators declare windows-1252 or
 * ISO-8859-1 and then write ASCII or UTF-8 anyway, while others write real latin1 bytes. The
 * declared encoding is therefore ignored. Bytes that are valid UTF-8 are decoded as UTF-8, and
 * anything else as windows-1252, which decodes every printable ISO-8859-1 character the same
 * way. A UTF-16 byte order mark is honoured because it cannot be mistaken for either.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    throw new FatturaPaError('not-xml', 'The file is empty.');
  }

  rejectKnownBinaryFormats(bytes);

  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    text = decodeUtf8OrWindows1252(bytes);
  }

  // TextDecoder already drops a UTF-8 BOM, so this covers a BOM that survived in UTF-16 input.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }

  // XML never allows U+0000, which shows up in binary files and in UTF-16 without a BOM.
  if (text.includes('\u0000')) {
    throw new FatturaPaError(
      'not-xml',
      'The file contains NUL bytes, so it is binary or UTF-16 without a byte order mark, not a FatturaPA XML file. Save it as UTF-8 and upload it again.',
    );
  }

  if (!text.trimStart().startsWith('<')) {
    throw new FatturaPaError(
      'not-xml',
      'The file is not XML: it does not start with "<" after the optional byte order mark and white space.',
    );
  }

  return text;
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const withoutBom =
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;

    return decodeWindows1252(withoutBom);
  }
}

/**
 * windows-1252 differs from ISO-8859-1 only in 0x80..0x9F, where it has printable characters
 * such as "€" (0x80). Entries that windows-1252 leaves undefined keep their C1 code point.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decodes windows-1252 by table. TextDecoder('windows-1252') is not used because Node 20
 * decodes 0x80..0x9F as ISO-8859-1 control characters, losing "€" and the typographic quotes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;

  for (let start = 0; start < bytes.length; start += chunkSize) {
    const codes = Array.from(bytes.subarray(start, start + chunkSize), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80] : byte,
    );
    chunks.push(String.fromCharCode(...codes));
  }

  return chunks.join('');
}

function rejectKnownBinaryFormats(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new FatturaPaError(
      'not-xml',
      'The file is a ZIP archive, not a FatturaPA XML file. Extract the invoices and upload them one by one.',
    );
  }

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new FatturaPaError(
      'not-xml',
      'The file is a PDF document, not a FatturaPA XML file. Upload the .xml or .xml.p7m file that the SdI delivered.',
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}
