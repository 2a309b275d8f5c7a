import { formatCsvRow } from '@solleciti/util';

import { ClientEntity, ClientKind } from './client.entity';

/**
 * Columns of the client export, headed in Italian because the export is for office staff who
 * open it in Excel or LibreOffice. The kind names match the admin's labels.
 */
export const CLIENT_CSV_HEADER = [
  'Nome',
  'Tipo',
  'Ragione sociale',
  'Nome (persona)',
  'Cognome',
  'Partita IVA',
  'Codice fiscale',
  'Codice destinatario',
  'PEC',
  'E-mail',
  'Telefono',
  'Indirizzo',
  'Numero civico',
  'CAP',
  'Comune',
  'Provincia',
  'Nazione',
  'Lingua',
  'Solleciti',
];

const KIND_NAMES: Record<ClientKind, string> = {
  person: 'Privato',
  company: 'Azienda',
  'public-administration': 'Pubblica Amministrazione',
};

/** Formats one client as a CSV record in the order of CLIENT_CSV_HEADER. */
export function formatClientCsvRow(client: ClientEntity): string {
  return formatCsvRow([
    client.displayName,
    KIND_NAMES[client.kind],
    client.companyName,
    client.firstName,
    client.lastName,
    client.vatCountry && client.vatCode ? `${client.vatCountry}${client.vatCode}` : null,
    client.fiscalCode,
    client.recipientCode,
    client.pec,
    client.emails.join(', '),
    client.phone,
    client.street,
    client.streetNumber,
    client.postalCode,
    client.city,
    client.province,
    client.country,
    client.language === 'en' ? 'Inglese' : 'Italiano',
    client.remindersDisabled ? 'Esclusi' : 'Attivi',
  ]);
}
