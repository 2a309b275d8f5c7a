import { FatturaPaError } from '../model';
import {
  BerElement,
  BerError,
  isUniversal,
  readChildren,
  readElement,
  readObjectIdentifier,
  readOctetString,
  UNIVERSAL_TAG,
} from './ber-reader';

/**
 * Unwraps CAdES (.p7m) envelopes: CMS SignedData with the invoice as encapsulated content.
 * The signature is not verified, because the reader only needs the signed bytes.
 */

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

/** Files signed more than once wrap one envelope in another. The cap of 3 is a safety limit, not a count seen in real files. */
const MAX_ENVELOPES = 3;

export interface UnwrappedContent {
  content: Uint8Array;
  signed: boolean;
}

/** Returns the invoice bytes, unwrapping DER, base64 or PEM envelopes when present. */
export function unwrapEnvelopes(input: Uint8Array): UnwrappedContent {
  let content = input;
  let signed = false;

  for (let depth = 0; depth < MAX_ENVELOPES; depth++) {
    const der = toDerIfEnvelope(content);
    if (der === null) {
      return { content, signed };
    }

    content = extractSignedContent(der);
    signed = true;
  }

  if (toDerIfEnvelope(content) !== null) {
    throw new FatturaPaError(
      'invalid-envelope',
      `The file is wrapped in more than ${MAX_ENVELOPES} signature envelopes. Unwrap the outer envelopes before uploading it.`,
    );
  }

  return { content, signed };
}

/**
 * Returns the DER (or BER) bytes when `bytes` look like a CMS envelope, binary or base64.
 * Returns null for anything else, so that the XML layer judges it.
 */
function toDerIfEnvelope(bytes: Uint8Array): Uint8Array | null {
  if (looksLikeBinaryEnvelope(bytes)) {
    return bytes;
  }

  const base64 = extractBase64Text(bytes);
  if (base64 === null) {
    return null;
  }

  return decodeBase64(base64);
}

/**
 * Checks for a SEQUENCE (0x30) with an indefinite (0x80) or long-form (0x81..0x84) length, the
 * start of every ContentInfo because any envelope is longer than 127 bytes. Checking both bytes
 * keeps a text file that happens to start with "0" out of the envelope path.
 */
function looksLikeBinaryEnvelope(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x30 && bytes[1] >= 0x80 && bytes[1] <= 0x84;
}

const BASE64_BODY = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
// A base64 SEQUENCE with a long-form or indefinite length starts with "MI" (0x30 0x8x).
const BASE64_ENVELOPE_START = /^MI[A-Za-z0-9+/]/;
const PEM_LINE = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/gm;

function extractBase64Text(bytes: Uint8Array): string | null {
  // Base64 text is plain ASCII, so a look at the first bytes rules out XML and binary quickly.
  const head = asciiPrefix(bytes, 64);
  if (head === null) {
    return null;
  }

  const trimmedHead = head.trimStart();
  if (!BASE64_ENVELOPE_START.test(trimmedHead) && !trimmedHead.startsWith('-----BEGIN')) {
    return null;
  }

  const text = asciiPrefix(bytes, bytes.length);
  if (text === null) {
    return null;
  }

  const body = text.replace(PEM_LINE, '').trim();
  if (!BASE64_ENVELOPE_START.test(body) || !BASE64_BODY.test(body)) {
    return null;
  }

  return body.replace(/\s+/g, '');
}

/** Returns the first `length` bytes as text, or null when any of them is not ASCII. */
function asciiPrefix(bytes: Uint8Array, length: number): string | null {
  const prefix = bytes.subarray(0, Math.min(length, bytes.length));
  for (const byte of prefix) {
    if (byte > 0x7e) {
      return null;
    }
  }

  // ASCII is valid UTF-8, and TextDecoder is much faster than concatenating characters.
  return new TextDecoder().decode(prefix);
}

function decodeBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new FatturaPaError(
      'invalid-envelope',
      'The signed file (.p7m) is base64 text, but the base64 is invalid or truncated. Upload the file again as received.',
    );
  }

  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }

  return bytes;
}

/** Extracts eContent from ContentInfo { signedData, SignedData { ..., encapContentInfo, ... } }. */
function extractSignedContent(der: Uint8Array): Uint8Array {
  try {
    return readSignedContent(der);
  } catch (error) {
    if (error instanceof BerError) {
      throw new FatturaPaError(
        'invalid-envelope',
        `The signed file (.p7m) cannot be unwrapped: ${error.message}. The file may be truncated or not a CAdES envelope.`,
      );
    }
    throw error;
  }
}

function readSignedContent(der: Uint8Array): Uint8Array {
  const contentInfo = readElement(der, 0);
  expectUniversal(contentInfo, UNIVERSAL_TAG.sequence, 'ContentInfo');

  const [contentType, explicitContent] = readChildren(der, contentInfo);
  if (!contentType || readObjectIdentifier(der, contentType) !== OID_SIGNED_DATA) {
    throw new BerError('ContentInfo is not SignedData (OID 1.2.840.113549.1.7.2)');
  }
  if (
    !explicitContent ||
    explicitContent.tagClass !== 'context' ||
    explicitContent.tagNumber !== 0
  ) {
    throw new BerError('ContentInfo has no [0] content');
  }

  const [signedData] = readChildren(der, explicitContent);
  expectUniversal(signedData, UNIVERSAL_TAG.sequence, 'SignedData');

  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, ... }
  const encapContentInfo = readChildren(der, signedData)[2];
  expectUniversal(encapContentInfo, UNIVERSAL_TAG.sequence, 'EncapsulatedContentInfo');

  const eContentWrapper = readChildren(der, encapContentInfo)[1];
  if (
    !eContentWrapper ||
    eContentWrapper.tagClass !== 'context' ||
    eContentWrapper.tagNumber !== 0
  ) {
    throw new BerError('the signature is detached, so the envelope contains no invoice');
  }

  const [eContent] = readChildren(der, eContentWrapper);
  expectUniversal(eContent, UNIVERSAL_TAG.octetString, 'eContent');

  return readOctetString(der, eContent);
}

function expectUniversal(
  element: BerElement | undefined,
  tagNumber: number,
  name: string,
): asserts element is BerElement {
  if (!element || !isUniversal(element, tagNumber)) {
    throw new BerError(`${name} is missing or has an unexpected type`);
  }
}
