/**
 * Names of the FatturaPA document types (TipoDocumento TD01..TD29) in the code list of the
 * FatturaPA technical specification.
 *
 * The Italian names are the usual short business names, not the full legal descriptions. For
 * example, TD02 is officially "acconto/anticipo su fattura" and is called "fattura di acconto"
 * here. Every document type that can get a payment reminder has a feminine Italian name, so the
 * reminder e-mails can write "la {{documentName}}" and "è scaduta" for all of them.
 */
export type Language = 'it' | 'en';

export const DOCUMENT_TYPE_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  TD01: { it: 'Fattura', en: 'Invoice' },
  TD02: { it: 'Fattura di acconto', en: 'Advance invoice' },
  TD03: { it: 'Parcella di acconto', en: 'Advance fee note' },
  TD04: { it: 'Nota di credito', en: 'Credit note' },
  TD05: { it: 'Nota di debito', en: 'Debit note' },
  TD06: { it: 'Parcella', en: 'Fee note' },
  TD07: { it: 'Fattura semplificata', en: 'Simplified invoice' },
  TD08: { it: 'Nota di credito semplificata', en: 'Simplified credit note' },
  TD09: { it: 'Nota di debito semplificata', en: 'Simplified debit note' },
  TD16: { it: 'Integrazione fattura reverse charge interno', en: 'Domestic reverse charge integration' },
  TD17: {
    it: "Integrazione/autofattura per acquisto di servizi dall'estero",
    en: 'Integration/self-invoice for services purchased abroad',
  },
  TD18: {
    it: 'Integrazione per acquisto di beni intracomunitari',
    en: 'Integration for intra-EU purchase of goods',
  },
  TD19: {
    it: 'Integrazione/autofattura per acquisto di beni ex art. 17 c. 2 DPR 633/72',
    en: 'Integration/self-invoice for purchase of goods (art. 17(2) DPR 633/72)',
  },
  TD20: {
    it: 'Autofattura per regolarizzazione e integrazione delle fatture',
    en: 'Self-invoice to regularise or integrate invoices',
  },
  TD21: { it: 'Autofattura per splafonamento', en: 'Self-invoice for exceeding the VAT-free ceiling' },
  TD22: { it: 'Estrazione di beni da deposito IVA', en: 'Release of goods from a VAT warehouse' },
  TD23: {
    it: "Estrazione di beni da deposito IVA con versamento dell'IVA",
    en: 'Release of goods from a VAT warehouse with VAT payment',
  },
  TD24: { it: 'Fattura differita', en: 'Deferred invoice' },
  TD25: {
    it: 'Fattura differita (art. 21, c. 4, lett. b)',
    en: 'Deferred invoice (art. 21(4)(b))',
  },
  TD26: {
    it: 'Cessione di beni ammortizzabili e passaggi interni',
    en: 'Sale of depreciable assets and internal transfers',
  },
  TD27: {
    it: 'Fattura per autoconsumo o cessioni gratuite senza rivalsa',
    en: 'Invoice for self-consumption or free supplies without recharge',
  },
  TD28: { it: 'Acquisti da San Marino con IVA (fattura cartacea)', en: 'Purchases from San Marino with VAT (paper invoice)' },
  TD29: {
    it: 'Comunicazione per omessa o irregolare fatturazione',
    en: 'Notice of missing or irregular invoicing',
  },
};

/**
 * Returns the name of a TipoDocumento code in `language`, capitalised ("Fattura", "Invoice").
 * An unknown code is returned unchanged, so a newer code still prints as something readable.
 */
export function documentTypeLabel(code: string, language: Language): string {
  const labels = Object.prototype.hasOwnProperty.call(DOCUMENT_TYPE_LABELS, code) ? DOCUMENT_TYPE_LABELS[code] : undefined;

  return labels ? labels[language] : code;
}
