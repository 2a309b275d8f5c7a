import codiceFiscaleModule from 'codice-fiscale-js';

// The package's types declare a default export, but its CommonJS build (2.4.0) exports
// { CodiceFiscale }, so the class is read from whichever shape the bundler hands over.
const CodiceFiscale =
  (codiceFiscaleModule as unknown as { CodiceFiscale?: typeof codiceFiscaleModule }).CodiceFiscale ?? codiceFiscaleModule;

/** Shape of a personal codice fiscale; digits may be replaced by letters (omocodia). */
const PERSONAL_FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Reason an identifier is invalid. Each reason has its own message in the form. */
export type IdentifierProblem = 'format' | 'checkCharacter';

/** Removes spaces and upper-cases, so "rss mra 85t10 a562s" is read as RSSMRA85T10A562S. */
export function normalizeCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * Returns the check digit of the first ten digits of a partita IVA (or numeric codice fiscale).
 * Digits in odd positions are added as they are, and digits in even positions are doubled and
 * reduced by 9 when above 9. The check digit brings the sum to a multiple of 10.
 */
export function partitaIvaCheckDigit(firstTenDigits: string): number {
  let sum = 0;
  for (let index = 0; index < 10; index++) {
    const digit = Number(firstTenDigits[index]);
    if (index % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }

  return (10 - (sum % 10)) % 10;
}

/** Checks an Italian partita IVA: 11 digits whose last one is the check digit. */
export function checkPartitaIva(value: string): IdentifierProblem | null {
  const digits = normalizeCode(value);
  if (!/^[0-9]{11}$/.test(digits)) {
    return 'format';
  }

  return partitaIvaCheckDigit(digits.slice(0, 10)) === Number(digits[10]) ? null : 'checkCharacter';
}

/**
 * Checks a codice fiscale: 16 characters for a person (check character computed by
 * codice-fiscale-js), or 11 digits for a company or public body (same check digit as the partita IVA).
 */
export function checkCodiceFiscale(value: string): IdentifierProblem | null {
  const code = normalizeCode(value);
  if (/^[0-9]{11}$/.test(code)) {
    return checkPartitaIva(code);
  }
  if (!PERSONAL_FISCAL_CODE.test(code)) {
    return 'format';
  }

  return CodiceFiscale.check(code) ? null : 'checkCharacter';
}

/** Reason an e-mail address is invalid, so that the form can explain what to fix. */
export type EmailProblem = 'spaces' | 'missingAt' | 'invalidLocalPart' | 'incompleteDomain';

/**
 * Checks the syntax of an e-mail or PEC address: one @, something before it, and a domain with a dot
 * and a top-level domain of at least two letters. It does not check that the mailbox exists.
 */
export function checkEmailAddress(value: string): EmailProblem | null {
  const address = value.trim();
  if (/\s/.test(address)) {
    return 'spaces';
  }

  const at = address.lastIndexOf('@');
  if (at < 0) {
    return 'missingAt';
  }
  if (at === 0 || address.indexOf('@') !== at || !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(address.slice(0, at))) {
    return 'invalidLocalPart';
  }

  const domain = address.slice(at + 1);
  const domainPattern = /^(?!-)[A-Za-z0-9-]+(?<!-)(\.(?!-)[A-Za-z0-9-]+(?<!-))*\.[A-Za-z]{2,}$/;

  return domainPattern.test(domain) ? null : 'incompleteDomain';
}

/** Checks an Italian CAP: exactly five digits. */
export function isValidCap(value: string): boolean {
  return /^[0-9]{5}$/.test(value.trim());
}

/** Checks the shape of an Italian province abbreviation (sigla), two letters such as MI or RM. */
export function isValidProvince(value: string): boolean {
  return /^[A-Za-z]{2}$/.test(value.trim());
}
