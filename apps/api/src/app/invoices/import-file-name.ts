import { basename } from 'node:path';

/** Maximum file name length that common file systems accept (ext4 bytes, NTFS and APFS characters: 255). */
export const MAX_FILE_NAME_LENGTH = 255;

// C0 and C1 control characters, and the Unicode bidirectional controls that can make
// "fattura\u202Egpj.xml" show as "fatturalmx.jpg".
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Returns why an uploaded file name is unacceptable, or null when it is acceptable. A name is
 * stored and quotedName as given, so it must be a plain name: no folders, no control characters.
 */
export function describeInvalidFileName(name: string): string | null {
  const quotedName = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

  if (name.trim() === '') {
    return 'The file name is empty; give the file a name such as "IT01234567890_00001.xml" and upload it again';
  }
  if (name.includes('/') || name.includes('\\')) {
    return `The file name ${quotedName} contains a path separator ("/" or "\\"); upload the file under its own name, without folders`;
  }
  if (name === '.' || name === '..') {
    return `The file name ${quotedName} is a folder reference, not a file name; upload the file under its own name`;
  }
  if (CONTROL_CHARACTERS.test(name)) {
    return `The file name ${quotedName} contains control characters (line breaks, tabs or text-direction marks); rename the file and upload it again`;
  }
  if (name.length > MAX_FILE_NAME_LENGTH) {
    return `The file name is ${name.length} characters long, more than the limit of ${MAX_FILE_NAME_LENGTH}: ${quotedName}; shorten it and upload it again`;
  }

  return null;
}

/** Keeps only the last path segment and drops control characters, so a name is safe to store and show. */
export function sanitizeFileName(name: string): string {
  const lastSegment = basename(name.replace(/\\/g, '/'));
  const cleaned = lastSegment.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '').trim();

  return (cleaned || 'unnamed.xml').slice(0, MAX_FILE_NAME_LENGTH);
}
