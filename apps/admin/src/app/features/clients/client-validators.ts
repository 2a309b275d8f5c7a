import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import {
  checkCodiceFiscale,
  checkEmailAddress,
  checkPartitaIva,
  isValidCap,
  isValidProvince,
  normalizeCode,
} from './italian-identifiers';

/** Foreign VAT numbers as FatturaPA stores them: country code, then 2 to 28 characters. */
const FOREIGN_VAT_NUMBER = /^[A-Z]{2}[0-9A-Z+*.\-/]{2,28}$/;

function textOf(control: AbstractControl): string {
  return typeof control.value === 'string' ? control.value.trim() : '';
}

/** Error key `fiscalCode` with `{problem: 'format' | 'checkCharacter'}`; an empty value passes. */
export const fiscalCodeValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  const problem = value ? checkCodiceFiscale(value) : null;

  return problem ? { fiscalCode: { problem } } : null;
};

/**
 * Error key `vatNumber` with `{problem: 'format' | 'checkCharacter' | 'foreignFormat'}`. An
 * Italian partita IVA may be typed with or without the IT prefix. Another country prefix is
 * checked for shape only, because each country has its own check digit.
 */
export const vatNumberValidator: ValidatorFn = (control) => {
  const value = normalizeCode(textOf(control));
  if (!value) {
    return null;
  }

  const country = /^[A-Z]{2}/.test(value) ? value.slice(0, 2) : 'IT';
  if (country !== 'IT') {
    return FOREIGN_VAT_NUMBER.test(value) ? null : { vatNumber: { problem: 'foreignFormat' } };
  }

  const problem = checkPartitaIva(value.startsWith('IT') ? value.slice(2) : value);

  return problem ? { vatNumber: { problem } } : null;
};

/** Error key `email` with `{problem}` from checkEmailAddress; an empty value passes. */
export const emailAddressValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  const problem = value ? checkEmailAddress(value) : null;

  return problem ? { email: { problem } } : null;
};

/** Error key `cap`; an empty value passes. */
export const capValidator: ValidatorFn = (control) => {
  const value = textOf(control);

  return value && !isValidCap(value) ? { cap: true } : null;
};

/** Error key `province`; an empty value passes. */
export const provinceValidator: ValidatorFn = (control) => {
  const value = textOf(control);

  return value && !isValidProvince(value) ? { province: true } : null;
};

/** Error key `phone`: digits, spaces, a leading + and the separators . / - ( ) only. */
export const phoneValidator: ValidatorFn = (control) => {
  const value = textOf(control);

  return value && !/^\+?[0-9 ./()-]{5,40}$/.test(value) ? { phone: true } : null;
};

/** Error key `recipientCode` with `{length}` when the value is not `length` letters and digits. */
export function recipientCodeValidator(length: 6 | 7): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = textOf(control);
    const pattern = new RegExp(`^[A-Za-z0-9]{${length}}$`);

    return value && !pattern.test(value) ? { recipientCode: { length } } : null;
  };
}

/** Returns the value to send as vatNumber: IT plus the digits when no country prefix was typed. */
export function toVatNumber(value: string): string | null {
  const code = normalizeCode(value);
  if (!code) {
    return null;
  }

  return /^[A-Z]{2}/.test(code) ? code : `IT${code}`;
}

/** Returns the vatNumber as the form shows it: the digits for Italy, the whole code otherwise. */
export function fromVatNumber(vatNumber: string | null): string {
  if (!vatNumber) {
    return '';
  }

  return vatNumber.startsWith('IT') ? vatNumber.slice(2) : vatNumber;
}
