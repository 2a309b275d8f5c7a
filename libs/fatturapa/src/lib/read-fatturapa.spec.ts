import { FatturaPaError, ParsedFatturaPa } from './model';
import { readFatturaPa } from './read-fatturapa';
import { catchFatturaPaError } from '../testing/expect-error';
import { readTestData, readTestDataText, utf8 } from '../testing/test-data';

const IBAN = 'IT60X0542811101000000123456';

function readSample(name: string): ParsedFatturaPa {
  return readFatturaPa(readTestData(name));
}

/** Reads a UTF-8 sample after applying a text edit, for variants of a valid file. */
function readEdited(name: string, edit: (text: string) => string): ParsedFatturaPa {
  const original = readTestDataText(name);
  const edited = edit(original);
  if (edited === original) {
    throw new Error(`The edit did not change ${name}`);
  }

  return readFatturaPa(utf8(edited));
}

describe('readFatturaPa on an FPR12 with three rates', () => {
  const result = readSample('fpr12-tp01-three-rates.xml');
  const invoice = result.invoices[0];

  it('reads format and transmission', () => {
    expect(result.format).toBe('FPR12');
    expect(result.signed).toBe(false);
    expect(result.transmission).toEqual({
      senderId: { country: 'IT', code: '09876543210' },
      progressive: '00042',
      recipientCode: 'M5UXCR1',
      recipientPec: null,
    });
  });

  it('reads the seller', () => {
    expect(result.seller).toEqual({
      vatNumber: { country: 'IT', code: '09876543210' },
      fiscalCode: '09876543210',
      companyName: 'Officine Meccaniche Brenta S.r.l.',
      firstName: null,
      lastName: null,
      address: {
        street: "Via dell'Industria",
        streetNumber: '7',
        postalCode: '35010',
        city: 'Vigonza',
        province: 'PD',
        country: 'IT',
      },
      email: 'amministrazione@officinebrenta.example',
      phone: '049 1234567',
    });
  });

  it('decodes predefined entities in the buyer name', () => {
    expect(result.buyer.companyName).toBe('Trattoria Al Ponte di Luigi Esposito & C. S.n.c.');
    expect(result.buyer.vatNumber).toEqual({ country: 'IT', code: '07654321098' });
    expect(result.buyer.fiscalCode).toBeNull();
    expect(result.buyer.address?.streetNumber).toBe('12/B');
  });

  it('reads the document data', () => {
    expect(result.invoices).toHaveLength(1);
    expect(invoice.bodyIndex).toBe(0);
    expect(invoice.documentType).toBe('TD01');
    expect(invoice.currency).toBe('EUR');
    expect(invoice.date).toBe('2024-03-15');
    expect(invoice.number).toBe('FT/2024/0158');
    expect(invoice.totalAmount).toBe('2002.34');
    expect(invoice.computedTotal).toBe('2002.34');
    expect(invoice.causale).toEqual(['Rif. ordine n. 77 del 01/03/2024', 'Pagamento in tre rate']);
  });

  it('reads lines with character references and CDATA', () => {
    expect(invoice.lines).toHaveLength(3);
    expect(invoice.lines[0]).toEqual({
      lineNumber: 1,
      description: 'Revisione pressa idraulica \u2013 modello PX\u2011200',
      quantity: '1.00',
      unitOfMeasure: 'NR',
      unitPrice: '1500.00',
      totalPrice: '1500.00',
      vatRate: '22.00',
      nature: null,
    });
    expect(invoice.lines[1].description).toBe('Ricambi & minuteria <kit A>');
    expect(invoice.lines[1].quantity).toBe('12.50');
    expect(invoice.lines[1].unitPrice).toBe('8.12345678');
    expect(invoice.lines[2].quantity).toBeNull();
    expect(invoice.lines[2].vatRate).toBe('0.00');
    expect(invoice.lines[2].nature).toBe('N1');
  });

  it('reads the VAT summary', () => {
    expect(invoice.vatSummary).toEqual([
      { vatRate: '22.00', nature: null, taxableAmount: '1601.54', tax: '352.34', vatDueMode: 'I' },
      { vatRate: '0.00', nature: 'N1', taxableAmount: '48.46', tax: '0.00', vatDueMode: 'I' },
    ]);
  });

  it('reads the three installments in order', () => {
    expect(invoice.installments).toEqual([
      {
        position: 1,
        paymentTerms: 'TP01',
        paymentMethod: 'MP05',
        dueDate: '2024-04-30',
        dueDateSource: 'DataScadenzaPagamento',
        amount: '667.45',
        iban: IBAN,
        bic: 'BPVIIT21',
        bankName: 'Banca Popolare di Vicenza',
        beneficiary: 'Officine Meccaniche Brenta S.r.l.',
      },
      {
        position: 2,
        paymentTerms: 'TP01',
        paymentMethod: 'MP05',
        dueDate: '2024-05-31',
        dueDateSource: 'DataScadenzaPagamento',
        amount: '667.45',
        iban: IBAN,
        bic: null,
        bankName: null,
        beneficiary: null,
      },
      {
        position: 3,
        paymentTerms: 'TP01',
        paymentMethod: 'MP12',
        dueDate: '2024-06-30',
        dueDateSource: 'DataScadenzaPagamento',
        amount: '667.44',
        iban: null,
        bic: null,
        bankName: null,
        beneficiary: null,
      },
    ]);
  });
});

describe('readFatturaPa on an FPA12 with two bodies', () => {
  const result = readSample('fpa12-two-bodies.xml');

  it('reads the PA buyer identified by fiscal code', () => {
    expect(result.format).toBe('FPA12');
    expect(result.transmission.recipientCode).toBe('UFABCD');
    expect(result.buyer.vatNumber).toBeNull();
    expect(result.buyer.fiscalCode).toBe('80012345678');
    expect(result.buyer.companyName).toBe('Comune di Selvazzano Dentro');
  });

  it('returns one invoice per body', () => {
    expect(
      result.invoices.map((invoice) => [invoice.bodyIndex, invoice.number, invoice.date]),
    ).toEqual([
      [0, 'PA/1', '2024-02-01'],
      [1, 'PA/2', '2024-02-05'],
    ]);
    expect(result.invoices[0].computedTotal).toBe('1220.00');
    expect(result.invoices[1].computedTotal).toBe('4880.00');
  });

  it('numbers installments across DatiPagamento blocks', () => {
    const installments = result.invoices[1].installments;

    expect(
      installments.map((installment) => [
        installment.position,
        installment.paymentTerms,
        installment.dueDate,
        installment.amount,
      ]),
    ).toEqual([
      [1, 'TP03', '2024-02-20', '1000.00'],
      [2, 'TP01', '2024-03-20', '1500.00'],
      [3, 'TP01', '2024-04-20', '1500.00'],
    ]);
    expect(result.invoices[0].installments).toHaveLength(1);
    expect(result.invoices[0].installments[0].position).toBe(1);
  });
});

describe('readFatturaPa namespaces and encodings', () => {
  it('reads a default namespace with xmlns="" resets', () => {
    const result = readSample('default-namespace.xml');

    expect(result.format).toBe('FPR12');
    expect(result.seller.companyName).toBe('Officine Meccaniche Brenta S.r.l.');
    expect(result.invoices[0].number).toBe('DN-7');
    expect(result.invoices[0].installments[0].dueDate).toBe('2024-06-09');
    expect(result.invoices[0].installments[0].amount).toBe('146.40');
  });

  it('skips a UTF-8 byte order mark', () => {
    const bytes = readTestData('utf8-bom.xml');
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);

    const result = readFatturaPa(bytes);

    expect(result.invoices[0].number).toBe('BOM-1');
    expect(result.invoices[0].lines[0].description).toBe(
      'Perizia tecnica già concordata, attività di verifica',
    );
  });

  it('decodes real windows-1252 bytes', () => {
    const bytes = readTestData('windows-1252.xml');
    expect(bytes.includes(0xe9)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);

    const result = readFatturaPa(bytes);

    expect(result.invoices[0].lines[0].description).toBe('Perizia: caffè, tè e cioè 5 € perché sì');
    expect(result.buyer.companyName).toBe('Caffè Pedrocchi di Luigi Esposito & C. S.n.c.');
  });

  it('decodes UTF-8 content declared as ISO-8859-1', () => {
    const result = readEdited('utf8-bom.xml', (text) =>
      text.replace('encoding="utf-8"', 'encoding="ISO-8859-1"'),
    );

    expect(result.invoices[0].lines[0].description).toBe(
      'Perizia tecnica già concordata, attività di verifica',
    );
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const text = readTestDataText('utf8-bom.xml').replace('encoding="utf-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) {
      bytes[2 + index * 2] = text.charCodeAt(index) & 0xff;
      bytes[3 + index * 2] = text.charCodeAt(index) >> 8;
    }

    expect(readFatturaPa(bytes).invoices[0].lines[0].description).toBe(
      'Perizia tecnica già concordata, attività di verifica',
    );
  });

  it('reads a file without XML declaration', () => {
    const result = readEdited('default-namespace.xml', (text) =>
      text.replace(/^<\?xml[^>]*>\s*/, ''),
    );

    expect(result.invoices[0].number).toBe('DN-7');
  });

  it('reads the legacy v1.1 namespace as FPA11', () => {
    const result = readSample('fatturapa-v1.1.xml');

    expect(result.format).toBe('FPA11');
    expect(result.transmission.recipientCode).toBe('UF1234');
    expect(result.invoices[0].number).toBe('2014/31');
    expect(result.invoices[0].installments[0].dueDate).toBe('2014-12-20');
    expect(result.invoices[0].installments[0].amount).toBe('183.00');
  });

  it('reads versione FPR11 on the v1.1 namespace', () => {
    const result = readEdited('fatturapa-v1.1.xml', (text) =>
      text.replace('versione="1.1"', 'versione="FPR11"'),
    );

    expect(result.format).toBe('FPR11');
  });
});

describe('readFatturaPa on an FSM10 simplified invoice', () => {
  const result = readSample('fsm10-simplified.xml');
  const invoice = result.invoices[0];

  it('reads the FSM10 seller layout', () => {
    expect(result.format).toBe('FSM10');
    expect(result.seller).toEqual({
      vatNumber: { country: 'IT', code: '04567890123' },
      fiscalCode: 'RSSMRA80A01G224X',
      companyName: null,
      firstName: 'Mario',
      lastName: 'Rossi',
      address: {
        street: 'Via Euganea',
        streetNumber: '101',
        postalCode: '35141',
        city: 'Padova',
        province: 'PD',
        country: 'IT',
      },
      email: null,
      phone: null,
    });
  });

  it('reads the FSM10 buyer layout', () => {
    expect(result.buyer).toEqual({
      vatNumber: null,
      fiscalCode: 'BNCNNA85M41L736K',
      companyName: null,
      firstName: 'Anna',
      lastName: 'Bianchi',
      address: {
        street: 'Calle Larga XXII Marzo',
        streetNumber: null,
        postalCode: '30124',
        city: 'Venezia',
        province: 'VE',
        country: 'IT',
      },
      email: null,
      phone: null,
    });
    expect(result.transmission.recipientPec).toBe('bianchi.anna@pec.example');
  });

  it('reads lines and sums Importo', () => {
    expect(invoice.documentType).toBe('TD07');
    expect(invoice.number).toBe('S-12');
    expect(invoice.date).toBe('2024-04-02');
    expect(invoice.totalAmount).toBeNull();
    expect(invoice.computedTotal).toBe('73.10');
    expect(invoice.installments).toEqual([]);
    expect(invoice.vatSummary).toEqual([]);
    expect(invoice.lines).toEqual([
      {
        lineNumber: null,
        description: 'Riparazione bicicletta',
        quantity: null,
        unitOfMeasure: null,
        unitPrice: null,
        totalPrice: '61.00',
        vatRate: '22.00',
        nature: null,
        vatAmount: null,
      },
      {
        lineNumber: null,
        description: "Camera d'aria",
        quantity: null,
        unitOfMeasure: null,
        unitPrice: null,
        totalPrice: '12.10',
        vatRate: null,
        nature: null,
        vatAmount: '2.18',
      },
    ]);
  });
});

describe('readFatturaPa due dates', () => {
  it('adds GiorniTerminiPagamento to the reference date', () => {
    const [first, second, third] = readSample('giorni-termini.xml').invoices[0].installments;

    expect(first.dueDate).toBe('2024-03-01');
    expect(first.dueDateSource).toBe('DataRiferimentoTerminiPagamento+GiorniTerminiPagamento');
    expect(second.dueDate).toBe('2024-01-31');
    expect(third.dueDate).toBeNull();
    expect(third.dueDateSource).toBeNull();
    expect(third.amount).toBe('0.00');
  });

  it('drops a trailing time zone without shifting', () => {
    const invoice = readSample('due-date-time-zone.xml').invoices[0];

    expect(invoice.date).toBe('2024-02-18');
    expect(invoice.installments.map((installment) => installment.dueDate)).toEqual([
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
  });

  it('prefers DataScadenzaPagamento over the computed date', () => {
    const result = readEdited('giorni-termini.xml', (text) =>
      text.replace(
        '<GiorniTerminiPagamento>30</GiorniTerminiPagamento>',
        '<GiorniTerminiPagamento>30</GiorniTerminiPagamento><DataScadenzaPagamento>2024-03-15</DataScadenzaPagamento>',
      ),
    );

    expect(result.invoices[0].installments[0].dueDate).toBe('2024-03-15');
    expect(result.invoices[0].installments[0].dueDateSource).toBe('DataScadenzaPagamento');
  });
});

describe('readFatturaPa value errors', () => {
  it('rejects an impossible date', () => {
    const error = catchFatturaPaError(() => readSample('impossible-date.xml'), 'invalid-value');

    expect(error.element).toBe('FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/Data');
    expect(error.message).toBe(
      'Invalid date "2017-02-30" in FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/Data: expected a calendar date as YYYY-MM-DD',
    );
  });

  it('rejects a missing Numero in body 2', () => {
    const error = catchFatturaPaError(() => readSample('missing-numero.xml'), 'missing-element');

    expect(error.element).toBe(
      'FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Numero',
    );
    expect(error.message).toContain(
      'FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Numero',
    );
  });

  it('rejects a seller without IdFiscaleIVA', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('fpr12-tp01-three-rates.xml', (text) =>
          text.replace(
            /<IdFiscaleIVA>\s*<IdPaese>IT<\/IdPaese>\s*<IdCodice>09876543210<\/IdCodice>\s*<\/IdFiscaleIVA>/,
            '',
          ),
        ),
      'missing-element',
    );

    expect(error.element).toBe(
      'FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA',
    );
  });

  it.each([
    ['TipoDocumento', 'FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/TipoDocumento'],
    ['Divisa', 'FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/Divisa'],
    ['Data', 'FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/Data'],
  ])('rejects a missing %s', (name, path) => {
    const error = catchFatturaPaError(
      () =>
        readEdited('default-namespace.xml', (text) =>
          text.replace(new RegExp(`<${name}>[^<]*</${name}>`), ''),
        ),
      'missing-element',
    );

    expect(error.element).toBe(path);
  });

  it('rejects a missing ModalitaPagamento', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('fpr12-tp01-three-rates.xml', (text) =>
          text.replace('<ModalitaPagamento>MP12</ModalitaPagamento>', ''),
        ),
      'missing-element',
    );

    expect(error.element).toBe(
      'FatturaElettronicaBody[1]/DatiPagamento[1]/DettaglioPagamento[3]/ModalitaPagamento',
    );
  });

  it('rejects an empty ImportoPagamento', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('fpr12-tp01-three-rates.xml', (text) =>
          text.replace(
            '<ImportoPagamento>667.44</ImportoPagamento>',
            '<ImportoPagamento> </ImportoPagamento>',
          ),
        ),
      'missing-element',
    );

    expect(error.element).toBe(
      'FatturaElettronicaBody[1]/DatiPagamento[1]/DettaglioPagamento[3]/ImportoPagamento',
    );
  });

  it('rejects an amount with a decimal comma', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('fpr12-tp01-three-rates.xml', (text) =>
          text.replace(
            '<ImportoPagamento>667.44</ImportoPagamento>',
            '<ImportoPagamento>667,44</ImportoPagamento>',
          ),
        ),
      'invalid-value',
    );

    expect(error.message).toBe(
      'Invalid amount "667,44" in FatturaElettronicaBody[1]/DatiPagamento[1]/DettaglioPagamento[3]/ImportoPagamento: expected a decimal number with a dot, such as 1234.56',
    );
  });

  it('rejects an impossible due date', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('fpr12-tp01-three-rates.xml', (text) =>
          text.replace('2024-06-30', '2024-06-31'),
        ),
      'invalid-value',
    );

    expect(error.element).toBe(
      'FatturaElettronicaBody[1]/DatiPagamento[1]/DettaglioPagamento[3]/DataScadenzaPagamento',
    );
  });

  it('normalises amounts to two decimals', () => {
    const result = readEdited('fpr12-tp01-three-rates.xml', (text) =>
      text.replace(
        '<ImportoPagamento>667.44</ImportoPagamento>',
        '<ImportoPagamento> 667.4 </ImportoPagamento>',
      ),
    );

    expect(result.invoices[0].installments[2].amount).toBe('667.40');
  });
});

describe('readFatturaPa format detection', () => {
  it('rejects an SdI receipt root', () => {
    const xml =
      '<?xml version="1.0"?><ns2:RicevutaConsegna xmlns:ns2="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/messaggi/v1.0" versione="1.0"><IdentificativoSdI>1</IdentificativoSdI></ns2:RicevutaConsegna>';

    const error = catchFatturaPaError(() => readFatturaPa(utf8(xml)), 'unsupported-format');

    expect(error.message).toContain('<RicevutaConsegna>');
  });

  it('rejects an unknown versione', () => {
    catchFatturaPaError(
      () =>
        readEdited('default-namespace.xml', (text) =>
          text.replace('versione="FPR12"', 'versione="FPR99"'),
        ),
      'unsupported-format',
    );
  });

  it('rejects a foreign namespace', () => {
    catchFatturaPaError(
      () =>
        readEdited('default-namespace.xml', (text) =>
          text.replace(
            'xmlns="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"',
            'xmlns="urn:example:invoice"',
          ),
        ),
      'unsupported-format',
    );
  });

  it('rejects a document without a body', () => {
    const error = catchFatturaPaError(
      () =>
        readEdited('default-namespace.xml', (text) =>
          text.replace(/<FatturaElettronicaBody[\s\S]*<\/FatturaElettronicaBody>/, ''),
        ),
      'missing-element',
    );

    expect(error.element).toBe('FatturaElettronicaBody');
  });

  it('throws only FatturaPaError for a truncated file', () => {
    const text = readTestDataText('fpr12-tp01-three-rates.xml');

    for (const length of [10, 100, 1000, 2000, 4000]) {
      expect(() => readFatturaPa(utf8(text.slice(0, length)))).toThrow(FatturaPaError);
    }
  });
});
