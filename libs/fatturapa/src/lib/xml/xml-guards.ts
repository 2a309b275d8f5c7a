import { FatturaPaError } from '../model';

/**
 * Checks that run on the raw text before it reaches the XML parser.
 */

const DTD_MARKUP = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Rejects any document type declaration. FatturaPA never needs one, and a DTD is the way in
 * for entity expansion ("billion laughs") and external entities (local file disclosure, SSRF).
 * The check also fires on the text inside comments or CDATA, which is acceptable because
 * no genuine invoice contains it there.
 */
export function rejectDtd(text: string): void {
  const match = DTD_MARKUP.exec(text);
  if (match) {
    throw new FatturaPaError(
      'forbidden-dtd',
      `The file contains a document type declaration ("<!${match[1]}"), which FatturaPA does not allow. The file was rejected without being processed.`,
    );
  }
}

/**
 * FatturaPA nests about 8 levels. A limit of 64 leaves room for odd generators while keeping
 * the tree building, which recurses per level, far from the stack limit.
 */
export const MAX_XML_DEPTH = 64;

/**
 * Rejects documents nested deeper than MAX_XML_DEPTH with one linear scan of the markup.
 * Malformed markup is left for the parser to report, because this scan only counts.
 */
export function rejectExcessiveDepth(text: string, maxDepth: number = MAX_XML_DEPTH): void {
  let depth = 0;
  let index = text.indexOf('<');

  while (index !== -1 && index < text.length) {
    const next = text.charCodeAt(index + 1);
    let end: number;

    if (text.startsWith('<!--', index)) {
      end = findEnd(text, '-->', index);
    } else if (text.startsWith('<![CDATA[', index)) {
      end = findEnd(text, ']]>', index);
    } else if (next === 0x3f /* ? */) {
      end = findEnd(text, '?>', index);
    } else if (next === 0x2f /* / */) {
      end = findEnd(text, '>', index);
      depth--;
    } else {
      end = findStartTagEnd(text, index);
      if (text.charCodeAt(end - 2) !== 0x2f /* / of "/>" */) {
        depth++;
        if (depth > maxDepth) {
          throw new FatturaPaError(
            'malformed-xml',
            `The XML is nested more than ${maxDepth} elements deep, which no FatturaPA file needs. The file was rejected without being parsed.`,
          );
        }
      }
    }

    index = text.indexOf('<', end);
  }
}

function findEnd(text: string, terminator: string, from: number): number {
  const position = text.indexOf(terminator, from);

  return position === -1 ? text.length : position + terminator.length;
}

/** Returns the offset just past the ">" of a start tag, skipping ">" inside quoted attribute values. */
function findStartTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let index = from + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (quote !== 0) {
      if (code === quote) {
        quote = 0;
      }
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return index + 1;
    }
  }

  return text.length;
}
