import { CompanyResponse } from '@solleciti/dto';

import { CompanyEntity } from './company.entity';

export function mapCompany(company: CompanyEntity): CompanyResponse {
  return {
    id: company.id,
    name: company.name,
    vatNumber: `${company.vatCountry}${company.vatCode}`,
    fiscalCode: company.fiscalCode,
    email: company.email,
    phone: company.phone,
    iban: company.iban,
    address: {
      street: company.street,
      streetNumber: company.streetNumber,
      postalCode: company.postalCode,
      city: company.city,
      province: company.province,
      country: company.country,
    },
  };
}
