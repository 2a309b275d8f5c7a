import type { Language } from './document-types';

/**
 * Names of the FatturaPA payment methods (ModalitaPagamento MP01..MP23), from the code list of
 * the FatturaPA technical specification. The Italian names follow the official descriptions,
 * capitalised. Names that are brands or scheme names (RIBA, MAV, SEPA Direct Debit, PagoPA) stay
 * the same in English.
 */
export const PAYMENT_METHOD_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  MP01: { it: 'Contanti', en: 'Cash' },
  MP02: { it: 'Assegno', en: 'Cheque' },
  MP03: { it: 'Assegno circolare', en: "Banker's draft" },
  MP04: { it: 'Contanti presso Tesoreria', en: 'Cash at the Treasury' },
  MP05: { it: 'Bonifico', en: 'Bank transfer' },
  MP06: { it: 'Vaglia cambiario', en: 'Promissory note' },
  MP07: { it: 'Bollettino bancario', en: 'Bank payment slip' },
  MP08: { it: 'Carta di pagamento', en: 'Payment card' },
  MP09: { it: 'RID', en: 'RID direct debit' },
  MP10: { it: 'RID utenze', en: 'RID utility direct debit' },
  MP11: { it: 'RID veloce', en: 'Fast RID direct debit' },
  MP12: { it: 'RIBA', en: 'RIBA (bank collection order)' },
  MP13: { it: 'MAV', en: 'MAV (payment notice)' },
  MP14: { it: 'Quietanza erario', en: 'State Treasury receipt' },
  MP15: { it: 'Giroconto su conti di contabilità speciale', en: 'Transfer to a special accounting account' },
  MP16: { it: 'Domiciliazione bancaria', en: 'Bank direct debit' },
  MP17: { it: 'Domiciliazione postale', en: 'Postal direct debit' },
  MP18: { it: 'Bollettino di c/c postale', en: 'Postal current account slip' },
  MP19: { it: 'SEPA Direct Debit', en: 'SEPA Direct Debit' },
  MP20: { it: 'SEPA Direct Debit CORE', en: 'SEPA Direct Debit CORE' },
  MP21: { it: 'SEPA Direct Debit B2B', en: 'SEPA Direct Debit B2B' },
  MP22: { it: 'Trattenuta su somme già riscosse', en: 'Deduction from sums already collected' },
  MP23: { it: 'PagoPA', en: 'PagoPA' },
};

/**
 * Returns the name of a ModalitaPagamento code in `language` ("Bonifico", "Bank transfer").
 * An unknown or empty code is returned unchanged.
 */
export function paymentMethodLabel(code: string, language: Language): string {
  const labels = Object.prototype.hasOwnProperty.call(PAYMENT_METHOD_LABELS, code) ? PAYMENT_METHOD_LABELS[code] : undefined;

  return labels ? labels[language] : code;
}

/**
 * Formats an IBAN in the printed form, in groups of four characters
 * ("IT60 X054 2811 1010 0000 0123 456"). Spaces already in the value are dropped first.
 */
export function formatIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();

  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}
