import { ImportRejectionReason } from '@solleciti/dto';

/** Explains, in the user's language, why a file was not imported; the API's English text stays as detail. */
export const REJECTION_REASON_TEXTS: Record<ImportRejectionReason, string> = {
  'no-company': $localize`:Import rejected, no company with the seller VAT number@@invoices.import.reason.noCompany:Nessuna azienda ha la partita IVA del cedente di questa fattura.`,
  'seller-mismatch': $localize`:Import rejected, seller is another company@@invoices.import.reason.sellerMismatch:La fattura è stata emessa da un'altra azienda (partita IVA del cedente diversa): importala nell'azienda che l'ha emessa.`,
  conflict: $localize`:Import conflict@@invoices.import.reason.conflict:Esiste già una fattura con lo stesso tipo, numero e anno ma con contenuto diverso. Nessuna fattura di questo file è stata importata.`,
  'duplicate-in-file': $localize`:Import rejected, same invoice twice in a file@@invoices.import.reason.duplicateInFile:Il file contiene due volte la stessa fattura.`,
  'invalid-file-name': $localize`:Import rejected, file name with folders or control characters@@invoices.import.reason.invalidFileName:Il nome del file contiene cartelle o caratteri di controllo (a capo, tabulazioni, segni di direzione del testo): rinomina il file e caricalo di nuovo.`,
  'file-too-large': $localize`:Import rejected, file too large@@invoices.import.reason.tooLarge:Il file è più grande del limite consentito.`,
  'invalid-envelope': $localize`:Import rejected, signed file unreadable@@invoices.import.reason.invalidEnvelope:Il file firmato (.p7m) è danneggiato o incompleto.`,
  'not-xml': $localize`:Import rejected, not an XML file@@invoices.import.reason.notXml:Il file non è una fattura elettronica XML.`,
  'forbidden-dtd': $localize`:Import rejected, file contains a DTD@@invoices.import.reason.forbiddenDtd:Il file contiene dichiarazioni DOCTYPE o ENTITY, che una fattura elettronica non può avere.`,
  'malformed-xml': $localize`:Import rejected, XML syntax error@@invoices.import.reason.malformed:Il file XML è danneggiato o incompleto.`,
  'unsupported-format': $localize`:Import rejected, not a FatturaPA document@@invoices.import.reason.unsupported:Il file è un XML ma non una fattura elettronica FatturaPA.`,
  'missing-element': $localize`:Import rejected, required element missing@@invoices.import.reason.missing:Manca un dato obbligatorio della fattura.`,
  'invalid-value': $localize`:Import rejected, invalid value@@invoices.import.reason.invalid:Un dato della fattura non è valido (per esempio una data inesistente).`,
};
