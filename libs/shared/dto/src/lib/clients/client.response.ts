import { AddressResponse } from '../companies/company.response';
import { ClientKind } from './create-client.dto';

export interface ClientResponse {
  id: number;
  companyId: number;
  kind: ClientKind;
  displayName: string;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  vatNumber: string | null;
  fiscalCode: string | null;
  recipientCode: string | null;
  pec: string | null;
  emails: string[];
  phone: string | null;
  address: AddressResponse;
  language: 'it' | 'en';
  remindersDisabled: boolean;
}
