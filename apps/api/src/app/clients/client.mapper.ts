import { ClientResponse } from '@solleciti/dto';

import { ClientEntity } from './client.entity';

export function mapClient(client: ClientEntity): ClientResponse {
  return {
    id: client.id,
    companyId: client.companyId,
    kind: client.kind,
    displayName: client.displayName,
    companyName: client.companyName,
    firstName: client.firstName,
    lastName: client.lastName,
    vatNumber: client.vatCountry && client.vatCode ? `${client.vatCountry}${client.vatCode}` : null,
    fiscalCode: client.fiscalCode,
    recipientCode: client.recipientCode,
    pec: client.pec,
    emails: client.emails,
    phone: client.phone,
    address: {
      street: client.street,
      streetNumber: client.streetNumber,
      postalCode: client.postalCode,
      city: client.city,
      province: client.province,
      country: client.country,
    },
    language: client.language,
    remindersDisabled: client.remindersDisabled,
  };
}

/** Returns the name shown and sorted on: the company name, or "last name first name" for a person. */
export function displayNameOf(client: Pick<ClientEntity, 'companyName' | 'firstName' | 'lastName'>): string {
  const personName = [client.lastName, client.firstName].filter(Boolean).join(' ');

  return (client.companyName || personName || '—').slice(0, 255);
}
