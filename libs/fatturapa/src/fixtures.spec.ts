import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFatturaPa } from './lib/read-fatturapa';
import { ParsedFatturaPa } from './lib/model';

/**
 * Reads the real FatturaPA files kept outside the repository, in <repo>/../shared/fixtures/fatturapa,
 * and checks them against values read from the files by hand. The files are not copied into
 * the repository, so a clone without that sibling folder skips these tests.
 */
const REPOSITORY_ROOT = resolve(__dirname, '../../..');
const FIXTURES_DIRECTORY = resolve(REPOSITORY_ROOT, '../shared/fixtures/fatturapa');
const fixturesExist = existsSync(FIXTURES_DIRECTORY);

if (!fixturesExist) {
  console.warn(
    `FatturaPA fixtures not found at ${FIXTURES_DIRECTORY}; the real-file tests are skipped`,
  );
}

const describeIfFixtures = fixturesExist ? describe : describe.skip;

/** [paymentMethod, dueDate, amount] */
type ExpectedInstallment = [string, string | null, string];

interface ExpectedInvoice {
  documentType: string;
  number: string;
  date: string;
  installments: ExpectedInstallment[];
}

interface ExpectedFile {
  format: string;
  signed: boolean;
  invoices: ExpectedInvoice[];
}

const EXPECTED: Record<string, ExpectedFile> = {
  '1.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '1',
        date: '2022-01-23',
        installments: [['MP21', '2022-10-28', '12.20']],
      },
    ],
  },
  'ESEMPIO_NDC_SEMPL.xml': {
    format: 'FSM10',
    signed: false,
    invoices: [{ documentType: 'TD08', number: '987354321', date: '2019-03-30', installments: [] }],
  },
  'ESEMPIO_TD24.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD24',
        number: '90',
        date: '2021-02-24',
        installments: [['MP05', '2021-04-30', '3214.29']],
      },
    ],
  },
  'IT01234567890_FPA01.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2017-01-18',
        installments: [['MP01', '2017-02-18', '6.10']],
      },
    ],
  },
  'IT01234567890_FPA02.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2017-01-18',
        installments: [['MP01', '2017-03-30', '30.50']],
      },
    ],
  },
  'IT01234567890_FPA03.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '12',
        date: '2017-01-18',
        installments: [['MP01', '2017-02-18', '30.50']],
      },
      {
        documentType: 'TD01',
        number: '456',
        date: '2017-01-20',
        installments: [['MP19', '2017-02-20', '2440.00']],
      },
    ],
  },
  'IT01234567890_FPR01.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2014-12-18',
        installments: [['MP01', '2015-01-30', '6.10']],
      },
    ],
  },
  'IT01234567890_FPR02.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2014-12-18',
        installments: [['MP01', '2015-01-30', '32.95']],
      },
    ],
  },
  'IT01234567890_FPR03.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2014-12-18',
        installments: [['MP01', '2015-01-30', '32.95']],
      },
      {
        documentType: 'TD01',
        number: '456',
        date: '2014-12-20',
        installments: [['MP19', '2015-01-28', '2440.00']],
      },
    ],
  },
  'IT01234567890_FPR03.xml.p7m': {
    format: 'FPR12',
    signed: true,
    invoices: [
      {
        documentType: 'TD01',
        number: '123',
        date: '2014-12-18',
        installments: [['MP01', '2015-01-30', '32.50']],
      },
      {
        documentType: 'TD01',
        number: '456',
        date: '2014-12-20',
        installments: [['MP19', '2015-01-28', '2440.00']],
      },
    ],
  },
  'IT01234567890_FPR13.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'FPR 16/20',
        date: '2020-09-30',
        installments: [['MP05', '2020-09-30', '15912.00']],
      },
    ],
  },
  'IT02098391200_FPR16.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '2023/131703/1',
        date: '2023-01-23',
        installments: [['MP19', '2023-02-22', '0.00']],
      },
    ],
  },
  'IT02182030391_31.Base64.xml.p7m': {
    format: 'FPR12',
    signed: true,
    invoices: [{ documentType: 'TD01', number: '2', date: '2018-06-08', installments: [] }],
  },
  'IT02182030391_32.windows-1252.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD06',
        number: '3',
        date: '2017-01-27',
        installments: [['MP05', '2017-02-28', '119.86']],
      },
      {
        documentType: 'TD06',
        number: '4',
        date: '2017-01-27',
        installments: [['MP05', '2017-02-28', '119.86']],
      },
    ],
  },
  'IT02780790107_11004_xml_doctor.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: '14221',
        // Written as "2014-12-18+01:00": the time zone is dropped.
        date: '2014-12-18',
        installments: [
          ['MP05', '2015-04-30', '20.00'],
          ['MP05', '2015-05-30', '9.00'],
          ['MP05', '2015-06-30', '1.50'],
        ],
      },
    ],
  },
  'IT05979361218_001.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'FT/2015/0006',
        date: '2015-02-16',
        installments: [
          ['MP05', '2015-03-18', '27.00'],
          ['MP05', '2015-04-17', '27.00'],
        ],
      },
    ],
  },
  'IT05979361218_ripilogoiva.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'GR20-900443E',
        date: '2020-10-06',
        installments: [['MP05', '2020-11-05', '204.16']],
      },
    ],
  },
  'IT06363391001_00003.xml': {
    format: 'FPA12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'INV/2016/0015',
        date: '2016-06-15',
        installments: [['MP05', '2016-07-31', '17.08']],
      },
    ],
  },
  'IT06363391001_00011.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'INV/2018/0011',
        date: '2018-01-07',
        installments: [['MP05', '2018-02-28', '17.08']],
      },
    ],
  },
  'IT06363391001_00016.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'INV/2021/12/0001',
        date: '2021-12-16',
        installments: [['MP05', '2022-01-31', '16.10']],
      },
    ],
  },
  'IT08973230967_6zZcm.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'IT23-94115I-790',
        date: '2023-08-07',
        installments: [['MP08', null, '28.40']],
      },
    ],
  },
  'invoice-credit-note.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD04',
        number: 'CN-001',
        date: '2024-10-09',
        installments: [['MP08', null, '1388.40']],
      },
    ],
  },
  'invoice-hotel-private.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'SAMPLE-003',
        date: '2023-05-21',
        installments: [
          // TP03 advance with only DataRiferimentoTerminiPagamento: no due date.
          ['MP08', null, '29.00'],
          ['MP05', '2023-03-02', '200.00'],
          ['MP05', '2023-04-02', '200.00'],
        ],
      },
    ],
  },
  'invoice-irpef.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD06',
        number: 'SAMPLE-001',
        date: '2023-03-02',
        installments: [
          ['MP05', '2023-03-02', '500.00'],
          ['MP05', '2023-04-02', '544.40'],
        ],
      },
    ],
  },
  'invoice-reverse-charge.xml': {
    format: 'FPR12',
    signed: false,
    invoices: [
      {
        documentType: 'TD01',
        number: 'SAMPLE-010',
        date: '2024-02-15',
        installments: [['MP05', null, '2300.00']],
      },
    ],
  },
};

describeIfFixtures('real FatturaPA fixtures', () => {
  const dataFiles = fixturesExist
    ? readdirSync(FIXTURES_DIRECTORY)
        .filter((name) => /\.xml(\.p7m)?$/.test(name))
        .sort()
    : [];
  const results = new Map<string, ParsedFatturaPa>();

  beforeAll(() => {
    for (const name of dataFiles) {
      results.set(
        name,
        readFatturaPa(new Uint8Array(readFileSync(resolve(FIXTURES_DIRECTORY, name)))),
      );
    }
  });

  it('lists the 25 expected data files', () => {
    expect(dataFiles).toEqual(Object.keys(EXPECTED).sort());
    expect(dataFiles).toHaveLength(25);
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    it('matches format, invoices and installments', () => {
      const result = results.get(name);
      if (result === undefined) {
        throw new Error(`${name} was not read`);
      }

      expect(result.format).toBe(expected.format);
      expect(result.signed).toBe(expected.signed);
      expect(result.invoices).toHaveLength(expected.invoices.length);

      result.invoices.forEach((invoice, index) => {
        const expectedInvoice = expected.invoices[index];

        expect(invoice.documentType).toBe(expectedInvoice.documentType);
        expect(invoice.number).toBe(expectedInvoice.number);
        expect(invoice.date).toBe(expectedInvoice.date);
        expect(
          invoice.installments.map(
            (installment): ExpectedInstallment => [
              installment.paymentMethod,
              installment.dueDate,
              installment.amount,
            ],
          ),
        ).toEqual(expectedInvoice.installments);
        expect(invoice.installments.map((installment) => installment.position)).toEqual(
          expectedInvoice.installments.map((_, position) => position + 1),
        );
      });
    });
  });

  it('reads all files well under a second', () => {
    const started = performance.now();
    for (const name of dataFiles) {
      readFatturaPa(new Uint8Array(readFileSync(resolve(FIXTURES_DIRECTORY, name))));
    }
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1000);
  });

  it('keeps non-ASCII names from character references', () => {
    expect(results.get('IT06363391001_00011.xml')?.buyer.companyName).toBe(
      'REMODELAÇÃO DECORAÇÃO ?ALEC LDA?',
    );
    expect(results.get('IT06363391001_00011.xml')?.buyer.vatNumber?.country).toBe('SI');
  });

  it('decodes the entity in the TD24 buyer name', () => {
    expect(results.get('ESEMPIO_TD24.xml')?.buyer.companyName).toBe(
      'AZIENDA PROVA & C. SNS DI PROVA TEST',
    );
  });

  it('reads person buyers', () => {
    const buyer = results.get('1.xml')?.buyer;

    expect(buyer?.firstName).toBe('Mario');
    expect(buyer?.lastName).toBe('Rossi');
    expect(buyer?.companyName).toBeNull();
  });

  it('reads the FSM10 parties', () => {
    const result = results.get('ESEMPIO_NDC_SEMPL.xml');

    expect(result?.seller.vatNumber).toEqual({ country: 'IT', code: '00444448888' });
    expect(result?.seller.companyName).toBe('AAAAA AZIENDA PROVA SPA');
    expect(result?.buyer.vatNumber).toEqual({ country: 'IT', code: '03333333333' });
    expect(result?.buyer.companyName).toBe('PROVA TEST TEST SRL');
    expect(result?.invoices[0].computedTotal).toBe('63.90');
  });

  it('agrees with the stated due date when all three terms are given', () => {
    const installment = results.get('IT05979361218_ripilogoiva.xml')?.invoices[0].installments[0];

    expect(installment?.dueDate).toBe('2020-11-05');
    expect(installment?.dueDateSource).toBe('DataScadenzaPagamento');
  });

  it('reads PEC and recipient codes', () => {
    expect(results.get('IT01234567890_FPR02.xml')?.transmission.recipientCode).toBe('0000000');
    expect(results.get('IT01234567890_FPR02.xml')?.transmission.recipientPec).toBe(
      'betagamma@pec.it',
    );
    expect(results.get('IT01234567890_FPA01.xml')?.transmission.recipientCode).toBe('AAAAAA');
  });

  it('keeps ImportoTotaleDocumento apart from the rates', () => {
    const invoice = results.get('IT01234567890_FPR13.xml')?.invoices[0];

    expect(invoice?.totalAmount).toBe('19032.00');
    expect(invoice?.installments[0].amount).toBe('15912.00');
  });

  it('computes a negative total from the VAT summary', () => {
    const invoice = results.get('IT02098391200_FPR16.xml')?.invoices[0];

    expect(invoice?.totalAmount).toBe('-1.83');
    expect(invoice?.computedTotal).toBe('-1.83');
  });
});
