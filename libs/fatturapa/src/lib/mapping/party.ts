import { Party, PartyAddress, VatNumber } from '../model';
import { ElementCursor } from './element-cursor';

/**
 * Maps CedentePrestatore and CessionarioCommittente. The ordinary formats (FPR12, FPA12 and
 * v1.1) nest identity under DatiAnagrafici, while the simplified format FSM10 uses its own layout.
 */

/** Reads an IdFiscaleIVA-shaped element (also IdTrasmittente): IdPaese plus IdCodice. */
export function readVatNumber(element: ElementCursor | null): VatNumber | null {
  if (element === null) {
    return null;
  }

  return {
    country: element.requireText('IdPaese').toUpperCase(),
    code: element.requireText('IdCodice'),
  };
}

function readAddress(sede: ElementCursor | null): PartyAddress | null {
  if (sede === null) {
    return null;
  }

  return {
    street: sede.optionalText('Indirizzo'),
    streetNumber: sede.optionalText('NumeroCivico'),
    postalCode: sede.optionalText('CAP'),
    city: sede.optionalText('Comune'),
    province: sede.optionalText('Provincia'),
    country: sede.optionalText('Nazione')?.toUpperCase() ?? null,
  };
}

/** Reads Denominazione, Nome and Cognome from their parent element. */
function readNames(
  holder: ElementCursor | null,
): Pick<Party, 'companyName' | 'firstName' | 'lastName'> {
  return {
    companyName: holder?.optionalText('Denominazione') ?? null,
    firstName: holder?.optionalText('Nome') ?? null,
    lastName: holder?.optionalText('Cognome') ?? null,
  };
}

/** CedentePrestatore of FPR12, FPA12 and v1.1: the seller must have a VAT number. */
export function readOrdinarySeller(header: ElementCursor): Party {
  const seller = header.requireChild('CedentePrestatore');
  const identity = seller.requireChild('DatiAnagrafici');
  const contacts = seller.child('Contatti');

  return {
    vatNumber: readVatNumber(identity.requireChild('IdFiscaleIVA')),
    fiscalCode: identity.optionalText('CodiceFiscale'),
    ...readNames(identity.child('Anagrafica')),
    address: readAddress(seller.child('Sede')),
    email: contacts?.optionalText('Email') ?? null,
    phone: contacts?.optionalText('Telefono') ?? null,
  };
}

/** CessionarioCommittente of FPR12, FPA12 and v1.1: a VAT number, a fiscal code or both. */
export function readOrdinaryBuyer(header: ElementCursor): Party {
  const buyer = header.requireChild('CessionarioCommittente');
  const identity = buyer.requireChild('DatiAnagrafici');
  // The schema gives the buyer no Contatti, but some generators add it anyway.
  const contacts = buyer.child('Contatti');

  return {
    vatNumber: readVatNumber(identity.child('IdFiscaleIVA')),
    fiscalCode: identity.optionalText('CodiceFiscale'),
    ...readNames(identity.child('Anagrafica')),
    address: readAddress(buyer.child('Sede')),
    email: contacts?.optionalText('Email') ?? null,
    phone: contacts?.optionalText('Telefono') ?? null,
  };
}

/** CedentePrestatore of FSM10: identity, names and Sede sit directly under it, with no Contatti. */
export function readSimplifiedSeller(header: ElementCursor): Party {
  const seller = header.requireChild('CedentePrestatore');

  return {
    vatNumber: readVatNumber(seller.requireChild('IdFiscaleIVA')),
    fiscalCode: seller.optionalText('CodiceFiscale'),
    ...readNames(seller),
    address: readAddress(seller.child('Sede')),
    email: null,
    phone: null,
  };
}

/** CessionarioCommittente of FSM10: IdentificativiFiscali plus optional AltriDatiIdentificativi. */
export function readSimplifiedBuyer(header: ElementCursor): Party {
  const buyer = header.requireChild('CessionarioCommittente');
  const identifiers = buyer.requireChild('IdentificativiFiscali');
  const otherData = buyer.child('AltriDatiIdentificativi');

  return {
    vatNumber: readVatNumber(identifiers.child('IdFiscaleIVA')),
    fiscalCode: identifiers.optionalText('CodiceFiscale'),
    ...readNames(otherData),
    address: readAddress(otherData?.child('Sede') ?? null),
    email: null,
    phone: null,
  };
}
