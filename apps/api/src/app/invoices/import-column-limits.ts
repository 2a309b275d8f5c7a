import { Party, ParsedFatturaPa } from '@solleciti/fatturapa';

/** A value of an imported file that is longer than its database column. */
export interface OverlongValue {
  element: string;
  length: number;
  maxLength: number;
}

const HEADER = 'FatturaElettronicaHeader';

/**
 * Finds the first value that the database could not store whole. The limits are the varchar
 * lengths of the clients, companies, invoices and installments tables. SQLite would store a
 * longer value anyway, and MariaDB in strict mode would fail the insert, so the import checks
 * first and rejects the file on both. The seller is checked only when the import creates its
 * company (`withSeller`), because otherwise nothing of the seller is stored.
 */
export function findOverlongValue(parsed: ParsedFatturaPa, withSeller: boolean): OverlongValue | null {
  const checks: Array<[string, string | null | undefined, number]> = [
    ...partyChecks(`${HEADER}/CessionarioCommittente`, parsed.buyer),
    ...(withSeller ? partyChecks(`${HEADER}/CedentePrestatore`, parsed.seller) : []),
    [`${HEADER}/DatiTrasmissione/PECDestinatario`, parsed.transmission.recipientPec, 320],
  ];

  for (const invoice of parsed.invoices) {
    const body = `FatturaElettronicaBody[${invoice.bodyIndex + 1}]`;
    checks.push(
      [`${body}/DatiGenerali/DatiGeneraliDocumento/TipoDocumento`, invoice.documentType, 4],
      [`${body}/DatiGenerali/DatiGeneraliDocumento/Divisa`, invoice.currency, 3],
      [`${body}/DatiGenerali/DatiGeneraliDocumento/Numero`, invoice.number, 20],
    );
    for (const installment of invoice.installments) {
      checks.push(
        [`${body}/DatiPagamento/CondizioniPagamento`, installment.paymentTerms, 4],
        [`${body}/DatiPagamento/DettaglioPagamento/ModalitaPagamento`, installment.paymentMethod, 4],
        [`${body}/DatiPagamento/DettaglioPagamento/IBAN`, installment.iban, 34],
      );
    }
  }

  for (const [element, value, maxLength] of checks) {
    // MariaDB counts varchar lengths in characters, so count code points, not UTF-16 units.
    const length = value ? Array.from(value).length : 0;
    if (length > maxLength) {
      return { element, length, maxLength };
    }
  }

  return null;
}

function partyChecks(path: string, party: Party): Array<[string, string | null | undefined, number]> {
  return [
    [`${path}/DatiAnagrafici/Anagrafica/Denominazione`, party.companyName, 255],
    [`${path}/DatiAnagrafici/Anagrafica/Nome`, party.firstName, 120],
    [`${path}/DatiAnagrafici/Anagrafica/Cognome`, party.lastName, 120],
    [`${path}/DatiAnagrafici/IdFiscaleIVA/IdCodice`, party.vatNumber?.code, 28],
    [`${path}/DatiAnagrafici/CodiceFiscale`, party.fiscalCode, 28],
    [`${path}/Contatti/Email`, party.email, 320],
    [`${path}/Contatti/Telefono`, party.phone, 40],
    [`${path}/Sede/Indirizzo`, party.address?.street, 255],
    [`${path}/Sede/NumeroCivico`, party.address?.streetNumber, 16],
    [`${path}/Sede/CAP`, party.address?.postalCode, 16],
    [`${path}/Sede/Comune`, party.address?.city, 120],
    [`${path}/Sede/Provincia`, party.address?.province, 8],
    [`${path}/Sede/Nazione`, party.address?.country, 2],
  ];
}
