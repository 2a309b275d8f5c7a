/**
 * A minimal ASN.1 BER reader, enough to walk a CMS SignedData structure.
 *
 * It accepts DER and the BER forms that signing tools emit: indefinite lengths ended by an
 * end-of-contents marker (00 00) and constructed encodings of primitive types. It reads the
 * input in place, copies only to join OCTET STRING chunks, and never trusts a length that
 * points past the end.
 */

/** Error for any structure that cannot be read. The envelope layer turns it into a FatturaPaError. */
export class BerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BerError';
  }
}

export type TagClass = 'universal' | 'application' | 'context' | 'private';

export interface BerElement {
  tagClass: TagClass;
  constructed: boolean;
  tagNumber: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the last content byte (before the end-of-contents marker, if any). */
  contentEnd: number;
  /** Offset just past the whole element, end-of-contents marker included. */
  end: number;
}

export const UNIVERSAL_TAG = {
  integer: 2,
  octetString: 4,
  objectIdentifier: 6,
  sequence: 16,
  set: 17,
} as const;

const TAG_CLASSES: TagClass[] = ['universal', 'application', 'context', 'private'];

/**
 * Nesting limit for indefinite-length elements. The path from ContentInfo to an OCTET STRING
 * chunk is about 6 levels deep, and the limit keeps a crafted input from exhausting the stack.
 */
const MAX_NESTING = 64;

/** Reads the element that starts at `offset` and ends no later than `limit`. */
export function readElement(
  bytes: Uint8Array,
  offset: number,
  limit: number = bytes.length,
  nesting = 0,
): BerElement {
  if (nesting > MAX_NESTING) {
    throw new BerError(`ASN.1 structure nested more than ${MAX_NESTING} levels deep`);
  }

  let position = offset;
  const first = byteAt(bytes, position++, limit);
  const tagClass = TAG_CLASSES[first >> 6];
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;

  if (tagNumber === 0x1f) {
    // High tag numbers use base-128 digits with the top bit marking continuation.
    tagNumber = 0;
    let digit: number;
    do {
      digit = byteAt(bytes, position++, limit);
      tagNumber = tagNumber * 128 + (digit & 0x7f);
      if (tagNumber > 0xffffff) {
        throw new BerError(`ASN.1 tag number too large at offset ${offset}`);
      }
    } while (digit & 0x80);
  }

  const lengthByte = byteAt(bytes, position++, limit);

  if (lengthByte === 0x80) {
    if (!constructed) {
      throw new BerError(`Indefinite length on a primitive element at offset ${offset}`);
    }

    const contentStart = position;
    let childOffset = contentStart;
    for (;;) {
      if (byteAt(bytes, childOffset, limit) === 0 && byteAt(bytes, childOffset + 1, limit) === 0) {
        return {
          tagClass,
          constructed,
          tagNumber,
          contentStart,
          contentEnd: childOffset,
          end: childOffset + 2,
        };
      }
      childOffset = readElement(bytes, childOffset, limit, nesting + 1).end;
    }
  }

  let length = lengthByte;
  if (lengthByte & 0x80) {
    const lengthOfLength = lengthByte & 0x7f;
    // Four length bytes already describe 4 GiB, far more than the default 20 MiB input limit.
    if (lengthOfLength > 4) {
      throw new BerError(`ASN.1 length uses ${lengthOfLength} bytes at offset ${offset}`);
    }
    length = 0;
    for (let index = 0; index < lengthOfLength; index++) {
      length = length * 256 + byteAt(bytes, position++, limit);
    }
  }

  const contentEnd = position + length;
  if (contentEnd > limit) {
    throw new BerError(
      `ASN.1 element at offset ${offset} declares ${length} bytes but only ${limit - position} remain`,
    );
  }

  return { tagClass, constructed, tagNumber, contentStart: position, contentEnd, end: contentEnd };
}

/** Lists the direct children of a constructed element. */
export function readChildren(bytes: Uint8Array, parent: BerElement): BerElement[] {
  if (!parent.constructed) {
    throw new BerError(`Expected a constructed ASN.1 element at offset ${parent.contentStart}`);
  }

  const children: BerElement[] = [];
  let offset = parent.contentStart;
  while (offset < parent.contentEnd) {
    const child = readElement(bytes, offset, parent.contentEnd);
    children.push(child);
    offset = child.end;
  }

  return children;
}

export function isUniversal(element: BerElement, tagNumber: number): boolean {
  return element.tagClass === 'universal' && element.tagNumber === tagNumber;
}

/** Decodes an OBJECT IDENTIFIER to dotted form, e.g. "1.2.840.113549.1.7.2". */
export function readObjectIdentifier(bytes: Uint8Array, element: BerElement): string {
  if (!isUniversal(element, UNIVERSAL_TAG.objectIdentifier) || element.constructed) {
    throw new BerError(`Expected an OBJECT IDENTIFIER at offset ${element.contentStart}`);
  }

  const arcs: number[] = [];
  let value = 0;
  for (let offset = element.contentStart; offset < element.contentEnd; offset++) {
    value = value * 128 + (bytes[offset] & 0x7f);
    if (!(bytes[offset] & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }

  if (arcs.length === 0) {
    throw new BerError(`Empty OBJECT IDENTIFIER at offset ${element.contentStart}`);
  }

  const first = Math.min(Math.floor(arcs[0] / 40), 2);

  return [first, arcs[0] - first * 40, ...arcs.slice(1)].join('.');
}

/**
 * Returns the value of an OCTET STRING. A constructed OCTET STRING (BER) is the concatenation
 * of its chunks, which may themselves be constructed.
 */
export function readOctetString(bytes: Uint8Array, element: BerElement): Uint8Array {
  if (!isUniversal(element, UNIVERSAL_TAG.octetString)) {
    throw new BerError(`Expected an OCTET STRING at offset ${element.contentStart}`);
  }

  if (!element.constructed) {
    return bytes.subarray(element.contentStart, element.contentEnd);
  }

  const chunks: Uint8Array[] = [];
  collectOctetChunks(bytes, element, chunks, 0);

  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }

  return joined;
}

function collectOctetChunks(
  bytes: Uint8Array,
  element: BerElement,
  chunks: Uint8Array[],
  nesting: number,
): void {
  if (nesting > MAX_NESTING) {
    throw new BerError(`OCTET STRING chunks nested more than ${MAX_NESTING} levels deep`);
  }

  for (const child of readChildren(bytes, element)) {
    if (!isUniversal(child, UNIVERSAL_TAG.octetString)) {
      throw new BerError(
        `Unexpected element inside a constructed OCTET STRING at offset ${child.contentStart}`,
      );
    }

    if (child.constructed) {
      collectOctetChunks(bytes, child, chunks, nesting + 1);
    } else {
      chunks.push(bytes.subarray(child.contentStart, child.contentEnd));
    }
  }
}

function byteAt(bytes: Uint8Array, offset: number, limit: number): number {
  if (offset >= limit) {
    throw new BerError(`ASN.1 data ends unexpectedly at offset ${offset}`);
  }

  return bytes[offset];
}
