import { addDays, sumAmounts } from '@solleciti/util';
import { InvoiceLine, ParsedInstallment, ParsedInvoice, VatSummaryRow } from '../model';
import { ElementCursor } from './element-cursor';
import {
  readAmount,
  readDate,
  readDecimal,
  readInteger,
  requireAmount,
  requireDate,
} from './values';

/** Maps one FatturaElettronicaBody of FPR12, FPA12 or v1.1 to a ParsedInvoice. */
export function readOrdinaryBody(body: ElementCursor, bodyIndex: number): ParsedInvoice {
  const document = body.requireChild('DatiGenerali').requireChild('DatiGeneraliDocumento');
  const goodsAndServices = body.requireChild('DatiBeniServizi');
  const vatSummary = goodsAndServices.children('DatiRiepilogo').map(readVatSummaryRow);

  return {
    bodyIndex,
    documentType: document.requireText('TipoDocumento'),
    currency: document.requireText('Divisa'),
    date: requireDate(document, 'Data'),
    number: document.requireText('Numero'),
    totalAmount: readAmount(document, 'ImportoTotaleDocumento'),
    computedTotal: sumAmounts(vatSummary.flatMap((row) => [row.taxableAmount, row.tax])),
    causale: document
      .children('Causale')
      .map((causale) => causale.element.text.trim())
      .filter((text) => text !== ''),
    lines: goodsAndServices.children('DettaglioLinee').map(readLine),
    vatSummary,
    installments: readInstallments(body),
  };
}

function readLine(line: ElementCursor): InvoiceLine {
  return {
    lineNumber: readInteger(line, 'NumeroLinea'),
    // The element is required, but real files (and the XSD) allow a description of only spaces.
    description: line.requireChild('Descrizione').element.text.trim(),
    quantity: readDecimal(line, 'Quantita'),
    unitOfMeasure: line.optionalText('UnitaMisura'),
    unitPrice: readDecimal(line, 'PrezzoUnitario'),
    totalPrice: requireAmount(line, 'PrezzoTotale'),
    vatRate: readAmount(line, 'AliquotaIVA', 'VAT rate'),
    nature: line.optionalText('Natura'),
  };
}

function readVatSummaryRow(row: ElementCursor): VatSummaryRow {
  return {
    vatRate: requireAmount(row, 'AliquotaIVA', 'VAT rate'),
    nature: row.optionalText('Natura'),
    taxableAmount: requireAmount(row, 'ImponibileImporto'),
    tax: requireAmount(row, 'Imposta'),
    vatDueMode: row.optionalText('EsigibilitaIVA'),
  };
}

/** Flattens every DettaglioPagamento of every DatiPagamento block, in file order. */
function readInstallments(body: ElementCursor): ParsedInstallment[] {
  const installments: ParsedInstallment[] = [];

  for (const payment of body.children('DatiPagamento')) {
    const paymentTerms = payment.requireText('CondizioniPagamento');

    for (const detail of payment.children('DettaglioPagamento')) {
      installments.push(readInstallment(detail, paymentTerms, installments.length + 1));
    }
  }

  return installments;
}

function readInstallment(
  detail: ElementCursor,
  paymentTerms: string,
  position: number,
): ParsedInstallment {
  const paymentMethod = detail.requireText('ModalitaPagamento');
  const dueDate = readDate(detail, 'DataScadenzaPagamento');
  const referenceDate = readDate(detail, 'DataRiferimentoTerminiPagamento');
  const termDays = readInteger(detail, 'GiorniTerminiPagamento');
  const amount = requireAmount(detail, 'ImportoPagamento');

  const installment: ParsedInstallment = {
    position,
    paymentTerms,
    paymentMethod,
    dueDate: null,
    dueDateSource: null,
    amount,
    iban: detail.optionalText('IBAN'),
    bic: detail.optionalText('BIC'),
    bankName: detail.optionalText('IstitutoFinanziario'),
    beneficiary: detail.optionalText('Beneficiario'),
  };

  // An explicit due date wins over the reference date plus term, even when both are given.
  if (dueDate !== null) {
    installment.dueDate = dueDate;
    installment.dueDateSource = 'DataScadenzaPagamento';
  } else if (referenceDate !== null && termDays !== null) {
    installment.dueDate = addDays(referenceDate, termDays);
    installment.dueDateSource = 'DataRiferimentoTerminiPagamento+GiorniTerminiPagamento';
  }

  return installment;
}
