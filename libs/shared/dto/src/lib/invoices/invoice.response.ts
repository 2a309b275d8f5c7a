export type InstallmentStatus = 'paid' | 'open' | 'overdue';

export interface InstallmentResponse {
  id: number;
  invoiceId: number;
  position: number;
  count: number;
  dueDate: string | null;
  amountDue: string;
  amountPaid: string;
  residual: string;
  paidOn: string | null;
  paymentMethod: string;
  paymentTerms: string;
  iban: string | null;
  status: InstallmentStatus;
  /** Reason no reminder is ever sent for this installment (document-type, no-due-date, no-amount-due), or null. */
  noReminderReason: string | null;
}

export interface InvoiceSummaryResponse {
  id: number;
  companyId: number;
  clientId: number;
  clientName: string;
  documentType: string;
  number: string;
  date: string;
  currency: string;
  totalAmount: string;
  residual: string;
  sourceFileName: string;
}

export interface InvoiceLineResponse {
  lineNumber: number | null;
  description: string;
  quantity: string | null;
  unitOfMeasure: string | null;
  unitPrice: string | null;
  totalPrice: string;
  vatRate: string | null;
  nature: string | null;
}

export interface VatSummaryResponse {
  vatRate: string;
  nature: string | null;
  taxableAmount: string;
  tax: string;
}

export interface InvoiceDetailResponse extends InvoiceSummaryResponse {
  installments: InstallmentResponse[];
  /** DettaglioLinee as read from the stored file. */
  lines: InvoiceLineResponse[];
  /** DatiRiepilogo as read from the stored file. */
  vatSummary: VatSummaryResponse[];
  causale: string[];
}

export type ImportFileStatus = 'imported' | 'already-imported' | 'conflict' | 'rejected';

/**
 * Why a file was not imported, for clients that explain it in their own language: the reader's
 * FatturaPaError codes, or one of the import's own checks.
 */
export type ImportRejectionReason =
  | 'no-company'
  | 'seller-mismatch'
  | 'conflict'
  | 'duplicate-in-file'
  | 'invalid-file-name'
  | 'file-too-large'
  | 'invalid-envelope'
  | 'not-xml'
  | 'forbidden-dtd'
  | 'malformed-xml'
  | 'unsupported-format'
  | 'missing-element'
  | 'invalid-value';

export interface ImportFileResult {
  fileName: string;
  status: ImportFileStatus;
  /** Numbers of the invoices stored, when imported. */
  invoices: Array<{ id: number; documentType: string; number: string; date: string }>;
  companyId: number | null;
  /** Outcome in one English sentence, with the element and the reason for a rejected file. */
  message: string;
  /** For conflicts and rejected files, the reason as a code; null otherwise. */
  reason: ImportRejectionReason | null;
  /** For rejected files, the FatturaPA element concerned, when known. */
  element: string | null;
}

export interface ImportResponse {
  files: ImportFileResult[];
  imported: number;
  alreadyImported: number;
  conflicts: number;
  rejected: number;
}
