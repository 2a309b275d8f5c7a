import type { Language } from './document-types';

/** Fixed wording of the courtesy copy PDF in each supported language. */
export interface CourtesyCopyText {
  courtesyMark: string;
  courtesyNote: string;
  seller: string;
  buyer: string;
  vatNumber: string;
  fiscalCode: string;
  email: string;
  phone: string;
  documentTitle: (documentName: string, number: string, date: string) => string;
  documentTypeCode: string;
  currency: string;
  causale: string;
  linesTitle: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  lineTotal: string;
  noLines: string;
  vatSummaryTitle: string;
  vatRateOrNature: string;
  taxableAmount: string;
  tax: string;
  vatDueMode: string;
  vatDueModes: Readonly<Record<string, string>>;
  totalTaxable: string;
  totalTax: string;
  documentTotal: string;
  computedTotalNote: string;
  installmentsTitle: string;
  installment: string;
  dueDate: string;
  amount: string;
  amountPaid: string;
  residual: string;
  paymentMethod: string;
  iban: string;
  noDueDate: string;
  noInstallments: string;
  page: (current: number, count: number) => string;
}

export const COURTESY_COPY_TEXT: Readonly<Record<Language, CourtesyCopyText>> = {
  it: {
    courtesyMark: 'Copia di cortesia — documento privo di valenza fiscale',
    courtesyNote:
      "Il documento valido ai fini fiscali è la fattura elettronica in formato XML trasmessa tramite il Sistema di Interscambio (SdI).",
    seller: 'Cedente / prestatore',
    buyer: 'Cessionario / committente',
    vatNumber: 'P.IVA',
    fiscalCode: 'C.F.',
    email: 'E-mail',
    phone: 'Tel.',
    documentTitle: (documentName, number, date) => `${documentName} n. ${number} del ${date}`,
    documentTypeCode: 'Tipo documento',
    currency: 'Divisa',
    causale: 'Causale',
    linesTitle: 'Dettaglio',
    description: 'Descrizione',
    quantity: 'Quantità',
    unitPrice: 'Prezzo unitario',
    vatRate: 'IVA',
    lineTotal: 'Totale',
    noLines: 'Nessuna riga di dettaglio.',
    vatSummaryTitle: 'Riepilogo IVA',
    vatRateOrNature: 'Aliquota / natura',
    taxableAmount: 'Imponibile',
    tax: 'Imposta',
    vatDueMode: 'Esigibilità',
    vatDueModes: { I: 'Immediata', D: 'Differita', S: 'Scissione dei pagamenti' },
    totalTaxable: 'Totale imponibile',
    totalTax: 'Totale IVA',
    documentTotal: 'Totale documento',
    computedTotalNote: 'Il file non indica il totale del documento: il valore è la somma di imponibile e imposta.',
    installmentsTitle: 'Pagamento',
    installment: 'Rata',
    dueDate: 'Scadenza',
    amount: 'Importo',
    amountPaid: 'Pagato',
    residual: 'Residuo',
    paymentMethod: 'Modalità',
    iban: 'IBAN',
    noDueDate: 'non indicata',
    noInstallments: 'Il documento non indica rate di pagamento.',
    page: (current, count) => `Pagina ${current} di ${count}`,
  },
  en: {
    courtesyMark: 'Courtesy copy — not valid for tax purposes',
    courtesyNote:
      'The document valid for tax purposes is the XML e-invoice sent through the Italian Exchange System (Sistema di Interscambio, SdI).',
    seller: 'Seller / supplier',
    buyer: 'Buyer / customer',
    vatNumber: 'VAT no.',
    fiscalCode: 'Tax code',
    email: 'E-mail',
    phone: 'Phone',
    documentTitle: (documentName, number, date) => `${documentName} no. ${number} of ${date}`,
    documentTypeCode: 'Document type',
    currency: 'Currency',
    causale: 'Reason for payment',
    linesTitle: 'Details',
    description: 'Description',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    vatRate: 'VAT',
    lineTotal: 'Total',
    noLines: 'No detail lines.',
    vatSummaryTitle: 'VAT summary',
    vatRateOrNature: 'Rate / nature',
    taxableAmount: 'Taxable amount',
    tax: 'VAT',
    vatDueMode: 'VAT due',
    vatDueModes: { I: 'Immediate', D: 'Deferred', S: 'Split payment' },
    totalTaxable: 'Total taxable amount',
    totalTax: 'Total VAT',
    documentTotal: 'Document total',
    computedTotalNote: 'The file gives no document total: the value is the sum of taxable amount and VAT.',
    installmentsTitle: 'Payment',
    installment: 'Installment',
    dueDate: 'Due date',
    amount: 'Amount',
    amountPaid: 'Paid',
    residual: 'Outstanding',
    paymentMethod: 'Method',
    iban: 'IBAN',
    noDueDate: 'not given',
    noInstallments: 'The document gives no payment installments.',
    page: (current, count) => `Page ${current} of ${count}`,
  },
};
