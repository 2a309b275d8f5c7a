import { FatturaPaError } from '../model';

/**
 * Decodes the five predefined XML entities and numeric character references. The parser runs
 * with entity processing off, so this is the only place where "&" is interpreted, and no other
 * entity name can ever expand.
 */

const PREDEFINED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const REFERENCE = /&([^;&\s]*);?/g;

export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) {
    return value;
  }

  return value.replace(REFERENCE, (reference: string, name: string) => {
    if (!reference.endsWith(';')) {
      throw invalidReference(reference);
    }

    if (Object.hasOwn(PREDEFINED_ENTITIES, name)) {
      return PREDEFINED_ENTITIES[name];
    }

    const codePoint = parseCharacterReference(name);
    if (codePoint === null || !isXmlCharacter(codePoint)) {
      throw invalidReference(reference);
    }

    return String.fromCodePoint(codePoint);
  });
}

function parseCharacterReference(name: string): number | null {
  let digits: string;
  let radix: number;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(name)) {
    digits = name.slice(2);
    radix = 16;
  } else if (/^#[0-9]{1,7}$/.test(name)) {
    digits = name.slice(1);
    radix = 10;
  } else {
    return null;
  }

  return Number.parseInt(digits, radix);
}

/** Checks the Char production of XML 1.0: TAB, LF, CR and every code point outside the surrogates, FFFE and FFFF. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function invalidReference(reference: string): FatturaPaError {
  const shown = reference.length > 40 ? `${reference.slice(0, 40)}…` : reference;

  return new FatturaPaError(
    'malformed-xml',
    `The XML contains the reference "${shown}", which is neither one of the five predefined XML entities nor a valid character reference. Write a literal "&" as "&amp;".`,
  );
}
