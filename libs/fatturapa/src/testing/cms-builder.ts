/**
 * Builds minimal CMS SignedData envelopes (.p7m) for tests. The signature, certificate and
 * signer fields are placeholders: the reader never verifies them, it only unwraps the content.
 */

const TAG = {
  integer: 0x02,
  octetString: 0x04,
  constructedOctetString: 0x24,
  null: 0x05,
  objectIdentifier: 0x06,
  sequence: 0x30,
  set: 0x31,
  contextZero: 0xa0,
} as const;

export type EnvelopeEncoding =
  /** Definite lengths everywhere, one primitive OCTET STRING. */
  | 'der'
  /** Indefinite lengths on every constructed element and the content split into OCTET STRING chunks. */
  | 'ber-chunked';

export interface EnvelopeOptions {
  encoding?: EnvelopeEncoding;
  /** Chunk size for 'ber-chunked'; default 1000 bytes, as common signing tools use. */
  chunkSize?: number;
  /** Leaves out eContent, as a detached signature does. */
  detached?: boolean;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }

  return joined;
}

/** Encodes one element with a definite length in the shortest DER form. */
export function derElement(tag: number, ...children: Uint8Array[]): Uint8Array {
  const content = concatBytes(children);
  const length = content.length;
  let lengthBytes: number[];
  if (length < 0x80) {
    lengthBytes = [length];
  } else {
    const digits: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
      digits.unshift(rest % 256);
    }
    lengthBytes = [0x80 | digits.length, ...digits];
  }

  return concatBytes([Uint8Array.of(tag, ...lengthBytes), content]);
}

/** Encodes a constructed element with an indefinite length, closed by the end-of-contents marker. */
export function berIndefinite(tag: number, ...children: Uint8Array[]): Uint8Array {
  return concatBytes([Uint8Array.of(tag, 0x80), ...children, Uint8Array.of(0x00, 0x00)]);
}

export function derObjectIdentifier(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const digits: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      digits.unshift(0x80 | value % 128);
    }
    bytes.push(...digits);
  }

  return derElement(TAG.objectIdentifier, Uint8Array.from(bytes));
}

/** Wraps `content` in ContentInfo { signedData, SignedData { encapContentInfo { id-data, content } } }. */
export function buildSignedData(content: Uint8Array, options: EnvelopeOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'der';
  const constructed = encoding === 'der' ? derElement : berIndefinite;

  const eContent =
    encoding === 'der'
      ? derElement(TAG.octetString, content)
      : berIndefinite(
          TAG.constructedOctetString,
          ...splitIntoChunks(content, options.chunkSize ?? 1000),
        );

  const encapContentInfo = options.detached
    ? constructed(TAG.sequence, derObjectIdentifier('1.2.840.113549.1.7.1'))
    : constructed(
        TAG.sequence,
        derObjectIdentifier('1.2.840.113549.1.7.1'),
        constructed(TAG.contextZero, eContent),
      );

  const sha256 = derElement(
    TAG.sequence,
    derObjectIdentifier('2.16.840.1.101.3.4.2.1'),
    derElement(TAG.null),
  );
  const placeholderCertificates = constructed(TAG.contextZero, derElement(TAG.sequence));
  const signerInfo = derElement(
    TAG.sequence,
    derElement(TAG.integer, Uint8Array.of(1)),
    derElement(TAG.sequence),
    sha256,
    derElement(TAG.sequence, derObjectIdentifier('1.2.840.113549.1.1.1'), derElement(TAG.null)),
    derElement(TAG.octetString, new Uint8Array(256).fill(0x5a)),
  );

  const signedData = constructed(
    TAG.sequence,
    derElement(TAG.integer, Uint8Array.of(1)),
    derElement(TAG.set, sha256),
    encapContentInfo,
    placeholderCertificates,
    constructed(TAG.set, signerInfo),
  );

  return constructed(
    TAG.sequence,
    derObjectIdentifier('1.2.840.113549.1.7.2'),
    constructed(TAG.contextZero, signedData),
  );
}

/**
 * Splits content into primitive OCTET STRING chunks; the second chunk is itself a constructed
 * OCTET STRING so that nested chunking is exercised too.
 */
function splitIntoChunks(content: Uint8Array, chunkSize: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < content.length; offset += chunkSize) {
    chunks.push(derElement(TAG.octetString, content.subarray(offset, offset + chunkSize)));
  }

  if (chunks.length >= 2) {
    chunks[1] = berIndefinite(TAG.constructedOctetString, chunks[1]);
  }

  return chunks;
}

/** Encodes bytes as base64 text with a line break every 76 characters, as mail and PEC tools write it. */
export function toBase64Lines(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }

  return (btoa(binary).match(/.{1,76}/g) ?? []).join('\r\n');
}
