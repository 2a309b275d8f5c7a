import { ImportFileStatus, InstallmentStatus } from '@solleciti/dto';
import { toCents, NON_REMINDED_DOCUMENT_TYPES } from '@solleciti/util';

/** Italian names of the common TipoDocumento codes; other codes are shown as they are. */
const DOCUMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  TD01: $localize`:Document type TD01@@invoices.documentType.TD01:Fattura`,
  TD02: $localize`:Document type TD02@@invoices.documentType.TD02:Acconto/anticipo su fattura`,
  TD03: $localize`:Document type TD03@@invoices.documentType.TD03:Acconto/anticipo su parcella`,
  TD04: $localize`:Document type TD04@@invoices.documentType.TD04:Nota di credito`,
  TD05: $localize`:Document type TD05@@invoices.documentType.TD05:Nota di debito`,
  TD06: $localize`:Document type TD06@@invoices.documentType.TD06:Parcella`,
  TD24: $localize`:Document type TD24@@invoices.documentType.TD24:Fattura differita`,
  TD25: $localize`:Document type TD25@@invoices.documentType.TD25:Fattura differita (triangolazione)`,
  TD26: $localize`:Document type TD26@@invoices.documentType.TD26:Cessione di beni ammortizzabili`,
};

/** Returns the name of a TipoDocumento code, e.g. "Nota di credito" for TD04. */
export function documentTypeLabel(code: string): string {
  return DOCUMENT_TYPE_LABELS[code] ?? code;
}

/** Italian names of the ModalitaPagamento codes MP01–MP23. */
const PAYMENT_METHOD_LABELS: Readonly<Record<string, string>> = {
  MP01: $localize`:Payment method MP01@@invoices.paymentMethod.MP01:Contanti`,
  MP02: $localize`:Payment method MP02@@invoices.paymentMethod.MP02:Assegno`,
  MP03: $localize`:Payment method MP03@@invoices.paymentMethod.MP03:Assegno circolare`,
  MP04: $localize`:Payment method MP04@@invoices.paymentMethod.MP04:Contanti presso Tesoreria`,
  MP05: $localize`:Payment method MP05@@invoices.paymentMethod.MP05:Bonifico`,
  MP06: $localize`:Payment method MP06@@invoices.paymentMethod.MP06:Vaglia cambiario`,
  MP07: $localize`:Payment method MP07@@invoices.paymentMethod.MP07:Bollettino bancario`,
  MP08: $localize`:Payment method MP08@@invoices.paymentMethod.MP08:Carta di pagamento`,
  MP09: $localize`:Payment method MP09@@invoices.paymentMethod.MP09:RID`,
  MP10: $localize`:Payment method MP10@@invoices.paymentMethod.MP10:RID utenze`,
  MP11: $localize`:Payment method MP11@@invoices.paymentMethod.MP11:RID veloce`,
  MP12: $localize`:Payment method MP12@@invoices.paymentMethod.MP12:RIBA`,
  MP13: $localize`:Payment method MP13@@invoices.paymentMethod.MP13:MAV`,
  MP14: $localize`:Payment method MP14@@invoices.paymentMethod.MP14:Quietanza erario`,
  MP15: $localize`:Payment method MP15@@invoices.paymentMethod.MP15:Giroconto su conti di contabilità speciale`,
  MP16: $localize`:Payment method MP16@@invoices.paymentMethod.MP16:Domiciliazione bancaria`,
  MP17: $localize`:Payment method MP17@@invoices.paymentMethod.MP17:Domiciliazione postale`,
  MP18: $localize`:Payment method MP18@@invoices.paymentMethod.MP18:Bollettino di c/c postale`,
  MP19: $localize`:Payment method MP19@@invoices.paymentMethod.MP19:SEPA Direct Debit`,
  MP20: $localize`:Payment method MP20@@invoices.paymentMethod.MP20:SEPA Direct Debit CORE`,
  MP21: $localize`:Payment method MP21@@invoices.paymentMethod.MP21:SEPA Direct Debit B2B`,
  MP22: $localize`:Payment method MP22@@invoices.paymentMethod.MP22:Trattenuta su somme già riscosse`,
  MP23: $localize`:Payment method MP23@@invoices.paymentMethod.MP23:PagoPA`,
};

export function paymentMethodLabel(code: string): string {
  return PAYMENT_METHOD_LABELS[code] ?? code;
}

export const INSTALLMENT_STATUS_LABELS: Readonly<Record<InstallmentStatus, string>> = {
  paid: $localize`:Status of a paid installment@@invoices.installmentStatus.paid:Pagata`,
  open: $localize`:Status of an open installment not yet due@@invoices.installmentStatus.open:Da incassare`,
  overdue: $localize`:Status of an installment past its due date@@invoices.installmentStatus.overdue:Scaduta`,
};

/** Status shown in the invoice list, where installment statuses are not available. */
export type InvoiceListStatus = 'paid' | 'open' | 'not-collected';

/** Returns 'paid' when nothing is left to collect (residual 0, or a credit note's negative residual). */
/**
 * Returns the list status of an invoice. Credit notes, self-invoices and integration documents are
 * never collected from the client, so their amount is not shown as money to collect.
 */
export function invoiceListStatus(residual: string, documentType = 'TD01'): InvoiceListStatus {
  if (NON_REMINDED_DOCUMENT_TYPES.has(documentType)) {
    return 'not-collected';
  }

  return toCents(residual) <= 0 ? 'paid' : 'open';
}

export const INVOICE_LIST_STATUS_LABELS: Readonly<Record<InvoiceListStatus, string>> = {
  paid: $localize`:Status of an invoice with nothing left to collect@@invoices.listStatus.paid:Saldata`,
  open: $localize`:Status of an invoice with an amount left to collect@@invoices.listStatus.open:Da incassare`,
  'not-collected': $localize`:Status of a credit note or self-invoice, which is never collected@@invoices.listStatus.notCollected:Nessun incasso`,
};

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportFileStatus, string>> = {
  imported: $localize`:Import result of a stored file@@invoices.importStatus.imported:Importata`,
  'already-imported': $localize`:Import result of a file stored before@@invoices.importStatus.alreadyImported:Già importata`,
  conflict: $localize`:Import result of a file that clashes with a stored invoice@@invoices.importStatus.conflict:In conflitto`,
  rejected: $localize`:Import result of an invalid file@@invoices.importStatus.rejected:Scartata`,
};
