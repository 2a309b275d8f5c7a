import type { ClientResponse } from '@solleciti/dto';

import { CompanyContext } from '../../core/company-context';

/** CompanyContext stand-in for specs: company 3 is selected. */
export const TEST_COMPANY_CONTEXT = {
  provide: CompanyContext,
  useValue: { apiUrl: (path = '') => `/api/companies/3${path}` },
};

/** Returns a company client as the API sends it, with fields overridden by `overrides`. */
export function testClient(overrides: Partial<ClientResponse> = {}): ClientResponse {
  return {
    id: 7,
    companyId: 3,
    kind: 'company',
    displayName: 'Ferramenta Esempio S.r.l.',
    companyName: 'Ferramenta Esempio S.r.l.',
    firstName: null,
    lastName: null,
    vatNumber: 'IT01234567897',
    fiscalCode: null,
    recipientCode: null,
    pec: null,
    emails: ['amministrazione@example.it'],
    phone: null,
    address: { street: 'Via Roma', streetNumber: '1', postalCode: '20121', city: 'Milano', province: 'MI', country: 'IT' },
    language: 'it',
    remindersDisabled: false,
    ...overrides,
  };
}
