import { sumAmounts } from '@solleciti/util';
import { InvoiceLine, ParsedInvoice } from '../model';
import { ElementCursor } from './element-cursor';
import { readAmount, requireAmount, requireDate } from './values';

/**
 * Maps one FatturaElettronicaBody of the simplified format FSM10. It has no DatiPagamento, no
 * VAT summary and no ImportoTotaleDocumento, so installments and vatSummary are empty,
 * totalAmount is null, and computedTotal is the sum of the Importo of every line.
 */
export function readSimplifiedBody(body: ElementCursor, bodyIndex: number): ParsedInvoice {
  const document = body.requireChild('DatiGenerali').requireChild('DatiGeneraliDocumento');
  const goodsAndServices = body.children('DatiBeniServizi');
  if (goodsAndServices.length === 0) {
    // Reported through requireChild so that the message and path match other missing elements.
    body.requireChild('DatiBeniServizi');
  }

  const lines = goodsAndServices.map(readSimplifiedLine);

  return {
    bodyIndex,
    documentType: document.requireText('TipoDocumento'),
    currency: document.requireText('Divisa'),
    date: requireDate(document, 'Data'),
    number: document.requireText('Numero'),
    totalAmount: null,
    computedTotal: sumAmounts(lines.map((line) => line.totalPrice)),
    causale: [],
    lines,
    vatSummary: [],
    installments: [],
  };
}

function readSimplifiedLine(line: ElementCursor): InvoiceLine {
  const vat = line.requireChild('DatiIVA');

  return {
    lineNumber: null,
    description: line.requireChild('Descrizione').element.text.trim(),
    quantity: null,
    unitOfMeasure: null,
    unitPrice: null,
    totalPrice: requireAmount(line, 'Importo'),
    vatRate: readAmount(vat, 'Aliquota', 'VAT rate'),
    nature: line.optionalText('Natura'),
    vatAmount: readAmount(vat, 'Imposta'),
  };
}
