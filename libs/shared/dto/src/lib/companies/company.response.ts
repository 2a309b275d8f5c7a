export interface CompanyResponse {
  id: number;
  name: string;
  /** IdPaese + IdCodice, e.g. "IT01234567890". */
  vatNumber: string;
  fiscalCode: string | null;
  email: string | null;
  phone: string | null;
  iban: string | null;
  address: AddressResponse;
}

export interface AddressResponse {
  street: string | null;
  streetNumber: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
}
