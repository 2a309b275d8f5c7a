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
 * Limits of the markup scan, each far above what a FatturaPA file within the 20 MiB default size
 * needs. fast-xml-parser builds text one character at a time and one object per element, so
 * these limits keep a crafted file from costing it more than a few hundred MiB.
 */
export const MARKUP_LIMITS = {
  depth: MAX_XML_DEPTH,
  /** Estimate: a 20 MiB file of short invoice lines (about 140 bytes and 6 elements each) has about 900,000. */
  elements: 1_000_000,
  /** The root tag with its namespace declarations, the longest start tag in the samples, is under 400 characters. */
  startTagLength: 10_000,
  /**
   * The maximum length of a FatturaPA text field is 1,000 characters (Descrizione). AttachmentData,
   * the base64 of an attached document, is longer, but the reader never uses it.
   */
  textLength: 100_000,
};

/** Elements whose text the scan drops before parsing, because the reader never reads it. */
const IGNORED_TEXT_ELEMENTS = new Set(['AttachmentData']);

/**
 * Checks the markup against MARKUP_LIMITS with one linear scan, and returns the text to parse.
 * Long text runs are dropped when they are white space or the content of AttachmentData, and
 * rejected elsewhere. Malformed markup is left for the parser to report, because this scan only
 * counts.
 */
export function checkMarkup(text: string, limits: typeof MARKUP_LIMITS = MARKUP_LIMITS): string {
  const keptParts: string[] = [];
  let copiedUpTo = 0;
  let depth = 0;
  let elements = 0;
  let openElement = '';
  let runStart = 0;
  let index = text.indexOf('<');

  while (index !== -1) {
    if (index - runStart > limits.textLength) {
      if (!IGNORED_TEXT_ELEMENTS.has(openElement) && !isWhiteSpace(text, runStart, index)) {
        throw textTooLong(openElement, index - runStart, limits.textLength);
      }
      keptParts.push(text.slice(copiedUpTo, runStart));
      copiedUpTo = index;
    }

    const next = text.charCodeAt(index + 1);
    let end: number;

    if (text.startsWith('<!--', index)) {
      end = findEnd(text, '-->', index);
    } else if (text.startsWith('<![CDATA[', index)) {
      end = findEnd(text, ']]>', index);
      if (end - index > limits.textLength && !IGNORED_TEXT_ELEMENTS.has(openElement)) {
        throw textTooLong(openElement, end - index, limits.textLength);
      }
    } else if (next === 0x3f /* ? */) {
      end = findEnd(text, '?>', index);
    } else if (next === 0x2f /* / */) {
      end = findEnd(text, '>', index);
      depth--;
      openElement = '';
    } else {
      end = findStartTagEnd(text, index);
      if (end - index > limits.startTagLength) {
        throw new FatturaPaError(
          'malformed-xml',
          `The XML has a start tag of ${end - index} characters at offset ${index}, more than the ${limits.startTagLength} that any FatturaPA element needs. The file was rejected without being parsed.`,
        );
      }

      elements++;
      if (elements > limits.elements) {
        throw new FatturaPaError(
          'malformed-xml',
          `The XML has more than ${limits.elements} elements, more than a FatturaPA file within the size limit contains. The file was rejected without being parsed.`,
        );
      }

      const selfClosing = text.charCodeAt(end - 2) === 0x2f; /* / of "/>" */
      openElement = selfClosing ? '' : localName(text, index + 1, end);
      if (!selfClosing) {
        depth++;
        if (depth > limits.depth) {
          throw new FatturaPaError(
            'malformed-xml',
            `The XML is nested more than ${limits.depth} elements deep, which no FatturaPA file needs. The file was rejected without being parsed.`,
          );
        }
      }
    }

    runStart = end;
    index = text.indexOf('<', end);
  }

  if (text.length - runStart > limits.textLength && isWhiteSpace(text, runStart, text.length)) {
    keptParts.push(text.slice(copiedUpTo, runStart));
    copiedUpTo = text.length;
  }

  if (copiedUpTo === 0) {
    return text;
  }
  keptParts.push(text.slice(copiedUpTo));

  return keptParts.join('');
}

function textTooLong(element: string, length: number, maxLength: number): FatturaPaError {
  return new FatturaPaError(
    'invalid-value',
    `The element "${element}" contains ${length} characters of text, more than the ${maxLength} that any FatturaPA text field allows. The file was rejected without being parsed.`,
  );
}

/** Returns the name of the start tag at `from` without its namespace prefix. */
function localName(text: string, from: number, end: number): string {
  const match = /^[^\s/>]+/.exec(text.slice(from, Math.min(end, from + 200)));
  const name = match ? match[0] : '';

  return name.slice(name.indexOf(':') + 1);
}

function isWhiteSpace(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      return false;
    }
  }

  return true;
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
