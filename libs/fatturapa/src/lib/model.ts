/**
 * Result of reading one FatturaPA file. All money values are decimal strings
 * with a dot and exactly two decimals for amounts ("1234.50"), never numbers,
 * so that no value passes through binary floating point. Dates are plain
 * calendar dates "YYYY-MM-DD" with no time and no time zone.
 */
export type FatturaPaFormat = 'FPR12' | 'FPA12' | 'FSM10' | 'FPA11' | 'FPR11';

export interface VatNumber {
  /** IdPaese, two letters, upper case. */
  country: string;
  /** IdCodice, as written in the file, trimmed. */
  code: string;
}

export interface PartyAddress {
  street: string | null; // Indirizzo
  streetNumber: string | null; // NumeroCivico
  postalCode: string | null; // CAP
  city: string | null; // Comune
  province: string | null; // Provincia
  country: string | null; // Nazione
}

export interface Party {
  vatNumber: VatNumber | null;
  fiscalCode: string | null;
  /** Denominazione, for companies and public administrations. */
  companyName: string | null;
  firstName: string | null; // Nome
  lastName: string | null; // Cognome
  address: PartyAddress | null;
  email: string | null; // Contatti/Email (seller only in practice)
  phone: string | null; // Contatti/Telefono
}

export interface InvoiceLine {
  lineNumber: number | null; // NumeroLinea (FSM10 has none)
  description: string;
  quantity: string | null; // decimal string as written, normalised (no float)
  unitOfMeasure: string | null;
  unitPrice: string | null; // decimal string, up to 8 decimals, as written
  totalPrice: string; // PrezzoTotale (FSM10: Importo), 2 decimals
  vatRate: string | null; // AliquotaIVA "22.00"
  nature: string | null; // Natura "N2.2"
  /** FSM10 only: DatiIVA/Imposta, the VAT amount that a simplified line may give instead of a rate. */
  vatAmount?: string | null;
}

export interface VatSummaryRow {
  vatRate: string; // "22.00"
  nature: string | null;
  taxableAmount: string; // ImponibileImporto
  tax: string; // Imposta
  vatDueMode: string | null; // EsigibilitaIVA I, D, S
}

export interface ParsedInstallment {
  /** 1-based position across every DatiPagamento block of the body, in file order. */
  position: number;
  paymentTerms: string; // CondizioniPagamento TP01, TP02, TP03
  paymentMethod: string; // ModalitaPagamento MP01..MP23
  /** Due date, or null when the file gives none. */
  dueDate: string | null;
  /** Source element of the due date. */
  dueDateSource: 'DataScadenzaPagamento' | 'DataRiferimentoTerminiPagamento+GiorniTerminiPagamento' | null;
  amount: string; // ImportoPagamento, 2 decimals
  iban: string | null;
  bic: string | null;
  bankName: string | null; // IstitutoFinanziario
  beneficiary: string | null; // Beneficiario
}

export interface ParsedInvoice {
  /** 0-based index of the FatturaElettronicaBody in the file. */
  bodyIndex: number;
  documentType: string; // TipoDocumento TD01..TD29
  currency: string; // Divisa
  date: string; // Data
  number: string; // Numero
  /** ImportoTotaleDocumento when present; otherwise null (the reader never guesses it). */
  totalAmount: string | null;
  /** Sum of the VAT summary (taxable + tax), always computed, 2 decimals. */
  computedTotal: string;
  causale: string[];
  lines: InvoiceLine[];
  vatSummary: VatSummaryRow[];
  installments: ParsedInstallment[];
}

export interface ParsedFatturaPa {
  format: FatturaPaFormat;
  /** Whether the file was wrapped in a CAdES (.p7m) envelope. */
  signed: boolean;
  transmission: {
    senderId: VatNumber | null; // IdTrasmittente
    progressive: string | null; // ProgressivoInvio
    recipientCode: string | null; // CodiceDestinatario
    recipientPec: string | null; // PECDestinatario
  };
  seller: Party; // CedentePrestatore
  buyer: Party; // CessionarioCommittente
  invoices: ParsedInvoice[];
}

export type FatturaPaErrorCode =
  | 'file-too-large'
  | 'invalid-envelope' // p7m that cannot be unwrapped
  | 'not-xml' // binary, ZIP, empty
  | 'forbidden-dtd' // DOCTYPE, ENTITY
  | 'malformed-xml'
  | 'unsupported-format' // root is not a FatturaPA document
  | 'missing-element'
  | 'invalid-value';

/** The only error the reader throws for bad input. */
export class FatturaPaError extends Error {
  constructor(
    readonly code: FatturaPaErrorCode,
    message: string,
    /** Path of the element concerned, e.g. "FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Data". */
    readonly element: string | null = null,
  ) {
    super(message);
    this.name = 'FatturaPaError';
  }
}

export interface ReadOptions {
  /** Maximum size of the input in bytes, envelope included; default 20 MiB. */
  maxBytes?: number;
}

// export function readFatturaPa(content: Uint8Array, options?: ReadOptions): ParsedFatturaPa
