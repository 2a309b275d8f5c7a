import { ParsedFatturaPa, ParsedInvoice } from '../model';
import { XmlElement } from '../xml/xml-tree';
import { ElementCursor, missingElement } from './element-cursor';
import { detectFormat } from './format';
import { readOrdinaryBody } from './ordinary-body';
import {
  readOrdinaryBuyer,
  readOrdinarySeller,
  readSimplifiedBuyer,
  readSimplifiedSeller,
  readVatNumber,
} from './party';
import { readSimplifiedBody } from './simplified-body';

/** Maps the parsed root element of a FatturaPA document to the reader's result. */
export function mapFatturaPa(rootElement: XmlElement, signed: boolean): ParsedFatturaPa {
  const format = detectFormat(rootElement);
  const simplified = format === 'FSM10';
  const root = ElementCursor.root(rootElement);
  const header = root.requireChild('FatturaElettronicaHeader');
  const transmission = header.child('DatiTrasmissione');

  const bodies = root.children('FatturaElettronicaBody');
  if (bodies.length === 0) {
    throw missingElement('FatturaElettronicaBody');
  }

  const readBody = simplified ? readSimplifiedBody : readOrdinaryBody;
  const invoices: ParsedInvoice[] = bodies.map((body, index) => readBody(body, index));

  return {
    format,
    signed,
    transmission: {
      senderId: readVatNumber(transmission?.child('IdTrasmittente') ?? null),
      progressive: transmission?.optionalText('ProgressivoInvio') ?? null,
      recipientCode: transmission?.optionalText('CodiceDestinatario') ?? null,
      recipientPec: transmission?.optionalText('PECDestinatario') ?? null,
    },
    seller: simplified ? readSimplifiedSeller(header) : readOrdinarySeller(header),
    buyer: simplified ? readSimplifiedBuyer(header) : readOrdinaryBuyer(header),
    invoices,
  };
}
