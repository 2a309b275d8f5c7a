import { unwrapEnvelopes } from './envelope/cms-envelope';
import { mapFatturaPa } from './mapping/document';
import { FatturaPaError, ParsedFatturaPa, ReadOptions } from './model';
import { decodeXmlBytes } from './xml/decode-text';
import { checkMarkup, rejectDtd } from './xml/xml-guards';
import { parseXmlTree } from './xml/xml-tree';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a FatturaPA file (.xml, or .xml.p7m as DER or base64) into plain data.
 *
 * Checks run from the cheapest to the most expensive: size, envelope, text decoding, DTD, the
 * markup limits (depth, element count, tag and text length), XML syntax, then the FatturaPA
 * structure. Every rejection of the input is a
 * FatturaPaError, and an invalid maxBytes option is a RangeError.
 */
export function readFatturaPa(content: Uint8Array, options: ReadOptions = {}): ParsedFatturaPa {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(
      `Invalid maxBytes ${maxBytes}: expected a whole number of bytes, 0 or more`,
    );
  }

  if (content.length > maxBytes) {
    throw new FatturaPaError(
      'file-too-large',
      `The file is ${content.length} bytes, more than the limit of ${maxBytes} bytes. Raise ReadOptions.maxBytes if files this large are expected.`,
    );
  }

  const { content: xmlBytes, signed } = unwrapEnvelopes(content);
  const text = decodeXmlBytes(xmlBytes);
  rejectDtd(text);
  const markup = checkMarkup(text);

  return mapFatturaPa(parseXmlTree(markup), signed);
}
