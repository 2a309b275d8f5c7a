import {
  checkCodiceFiscale,
  checkEmailAddress,
  checkPartitaIva,
  isValidCap,
  isValidProvince,
  partitaIvaCheckDigit,
} from './italian-identifiers';

// Codici fiscali computed with codice-fiscale-js for invented people, not real ones.
const VALID_PERSONAL_CF = 'SMPPRV80H55H501P';
const VALID_PERSONAL_CF_2 = 'CLNTST75B03F205I';

describe('partitaIvaCheckDigit', () => {
  it('computes the Italian check digit', () => {
    expect(partitaIvaCheckDigit('0123456789')).toBe(7);
    expect(partitaIvaCheckDigit('1234567890')).toBe(3);
    expect(partitaIvaCheckDigit('9999999999')).toBe(0);
    expect(partitaIvaCheckDigit('8000000000')).toBe(2);
  });
});

describe('checkPartitaIva', () => {
  it('accepts valid numbers, with or without spaces', () => {
    expect(checkPartitaIva('01234567897')).toBeNull();
    expect(checkPartitaIva('12345678903')).toBeNull();
    expect(checkPartitaIva('012 345 678 97')).toBeNull();
  });

  it('rejects a wrong check digit', () => {
    expect(checkPartitaIva('01234567890')).toBe('checkCharacter');
    expect(checkPartitaIva('12345678901')).toBe('checkCharacter');
  });

  it('rejects a wrong length or letters', () => {
    expect(checkPartitaIva('0123456789')).toBe('format');
    expect(checkPartitaIva('012345678970')).toBe('format');
    expect(checkPartitaIva('0123456789A')).toBe('format');
  });
});

describe('checkCodiceFiscale', () => {
  it('accepts personal codes in any case', () => {
    expect(checkCodiceFiscale(VALID_PERSONAL_CF)).toBeNull();
    expect(checkCodiceFiscale(VALID_PERSONAL_CF_2.toLowerCase())).toBeNull();
    expect(checkCodiceFiscale('SMP PRV 80H55 H501P')).toBeNull();
  });

  it('accepts numeric codes of companies', () => {
    expect(checkCodiceFiscale('80000000002')).toBeNull();
  });

  it('rejects a wrong check character', () => {
    expect(checkCodiceFiscale('SMPPRV80H55H501Q')).toBe('checkCharacter');
    expect(checkCodiceFiscale('80000000003')).toBe('checkCharacter');
  });

  it('rejects a wrong shape', () => {
    expect(checkCodiceFiscale('SMPPRV80H55H501')).toBe('format');
    expect(checkCodiceFiscale('SMPPRV80Z55H501P')).toBe('format');
    expect(checkCodiceFiscale('1234')).toBe('format');
  });
});

describe('checkEmailAddress', () => {
  it('accepts ordinary and PEC addresses', () => {
    expect(checkEmailAddress('amministrazione@example.it')).toBeNull();
    expect(checkEmailAddress('mario.rossi+fatture@posta.example.co.uk')).toBeNull();
    expect(checkEmailAddress('fornitori@pec.example.it')).toBeNull();
  });

  it('names the reason of an invalid address', () => {
    expect(checkEmailAddress('amministrazione.example.it')).toBe('missingAt');
    expect(checkEmailAddress('ammini strazione@example.it')).toBe('spaces');
    expect(checkEmailAddress('@example.it')).toBe('invalidLocalPart');
    expect(checkEmailAddress('a@b@example.it')).toBe('invalidLocalPart');
    expect(checkEmailAddress('amministrazione@example')).toBe('incompleteDomain');
    expect(checkEmailAddress('amministrazione@example.i')).toBe('incompleteDomain');
    expect(checkEmailAddress('amministrazione@-example.it')).toBe('incompleteDomain');
  });
});

describe('address checks', () => {
  it('accepts a CAP of five digits only', () => {
    expect(isValidCap('20121')).toBe(true);
    expect(isValidCap('2012')).toBe(false);
    expect(isValidCap('201210')).toBe(false);
    expect(isValidCap('2012A')).toBe(false);
  });

  it('accepts a province of two letters only', () => {
    expect(isValidProvince('MI')).toBe(true);
    expect(isValidProvince('rm')).toBe(true);
    expect(isValidProvince('MIL')).toBe(false);
    expect(isValidProvince('M1')).toBe(false);
  });
});
