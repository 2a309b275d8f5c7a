import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';

import { ClientEntity } from '../src/app/clients/client.entity';
import { InstallmentEntity } from '../src/app/invoices/installment.entity';
import { InvoiceImportService } from '../src/app/invoices/invoice-import.service';
import { InvoiceEntity } from '../src/app/invoices/invoice.entity';
import { ReminderSettingsService } from '../src/app/reminder-settings/reminder-settings.service';
import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

// The real FatturaPA files written by others live next to the repository, never inside it.
const FIXTURES = resolve(__dirname, '../../../../shared/fixtures/fatturapa');
const fixturesExist = existsSync(FIXTURES);
if (!fixturesExist) {
  console.warn(`FatturaPA fixtures not found at ${FIXTURES}; the real-file import tests are skipped.`);
}

type Row = [dueDate: string | null, amount: string, method: string];

/** Read from the files by hand: per file, the import status and each invoice's installments. */
const EXPECTED: Record<string, { status: string; invoices: Record<string, Row[]> }> = {
  '1.xml': { status: 'imported', invoices: { '1': [['2022-10-28', '12.20', 'MP21']] } },
  'ESEMPIO_NDC_SEMPL.xml': { status: 'imported', invoices: { '987354321': [] } },
  'ESEMPIO_TD24.xml': { status: 'imported', invoices: { '90': [['2021-04-30', '3214.29', 'MP05']] } },
  'IT01234567890_FPA01.xml': { status: 'imported', invoices: { '123': [['2017-02-18', '6.10', 'MP01']] } },
  // Same seller, type, number and year as FPA01 with other content.
  'IT01234567890_FPA02.xml': { status: 'conflict', invoices: {} },
  'IT01234567890_FPA03.xml': {
    status: 'imported',
    invoices: { '12': [['2017-02-18', '30.50', 'MP01']], '456': [['2017-02-20', '2440.00', 'MP19']] },
  },
  'IT01234567890_FPR01.xml': { status: 'imported', invoices: { '123': [['2015-01-30', '6.10', 'MP01']] } },
  'IT01234567890_FPR02.xml': { status: 'conflict', invoices: {} },
  'IT01234567890_FPR03.xml': { status: 'conflict', invoices: {} },
  // Another seller (IT02780790107) than the plain FPR03 file, so no conflict.
  'IT01234567890_FPR03.xml.p7m': {
    status: 'imported',
    invoices: { '123': [['2015-01-30', '32.50', 'MP01']], '456': [['2015-01-28', '2440.00', 'MP19']] },
  },
  'IT01234567890_FPR13.xml': { status: 'imported', invoices: { 'FPR 16/20': [['2020-09-30', '15912.00', 'MP05']] } },
  'IT02098391200_FPR16.xml': { status: 'imported', invoices: { '2023/131703/1': [['2023-02-22', '0.00', 'MP19']] } },
  'IT02182030391_31.Base64.xml.p7m': { status: 'imported', invoices: { '2': [] } },
  'IT02182030391_32.windows-1252.xml': {
    status: 'imported',
    invoices: { '3': [['2017-02-28', '119.86', 'MP05']], '4': [['2017-02-28', '119.86', 'MP05']] },
  },
  'IT02780790107_11004_xml_doctor.xml': {
    status: 'imported',
    invoices: {
      '14221': [
        ['2015-04-30', '20.00', 'MP05'],
        ['2015-05-30', '9.00', 'MP05'],
        ['2015-06-30', '1.50', 'MP05'],
      ],
    },
  },
  'IT05979361218_001.xml': {
    status: 'imported',
    invoices: { 'FT/2015/0006': [['2015-03-18', '27.00', 'MP05'], ['2015-04-17', '27.00', 'MP05']] },
  },
  'IT05979361218_ripilogoiva.xml': { status: 'imported', invoices: { 'GR20-900443E': [['2020-11-05', '204.16', 'MP05']] } },
  'IT06363391001_00003.xml': { status: 'imported', invoices: { 'INV/2016/0015': [['2016-07-31', '17.08', 'MP05']] } },
  'IT06363391001_00011.xml': { status: 'imported', invoices: { 'INV/2018/0011': [['2018-02-28', '17.08', 'MP05']] } },
  'IT06363391001_00016.xml': { status: 'imported', invoices: { 'INV/2021/12/0001': [['2022-01-31', '16.10', 'MP05']] } },
  'IT08973230967_6zZcm.xml': { status: 'imported', invoices: { 'IT23-94115I-790': [[null, '28.40', 'MP08']] } },
  'invoice-credit-note.xml': { status: 'imported', invoices: { 'CN-001': [[null, '1388.40', 'MP08']] } },
  'invoice-hotel-private.xml': {
    status: 'imported',
    invoices: {
      'SAMPLE-003': [
        [null, '29.00', 'MP08'],
        ['2023-03-02', '200.00', 'MP05'],
        ['2023-04-02', '200.00', 'MP05'],
      ],
    },
  },
  'invoice-irpef.xml': {
    status: 'imported',
    invoices: { 'SAMPLE-001': [['2023-03-02', '500.00', 'MP05'], ['2023-04-02', '544.40', 'MP05']] },
  },
  'invoice-reverse-charge.xml': { status: 'imported', invoices: { 'SAMPLE-010': [[null, '2300.00', 'MP05']] } },
};

(fixturesExist ? describe : describe.skip)('import of the real FatturaPA files', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let dataSource: DataSource;
  const results = new Map<string, { status: string; companyId: number | null }>();

  beforeAll(async () => {
    const port = await smtp.start();
    testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    dataSource = testApp.app.get(DataSource);

    const files = readdirSync(FIXTURES)
      .filter((name) => /\.(xml|p7m)$/.test(name))
      .sort((left, right) => left.localeCompare(right));
    for (const name of files) {
      const result = await testApp.app
        .get(InvoiceImportService)
        .importFile({ fileName: name, content: readFileSync(join(FIXTURES, name)), createCompanies: true });
      results.set(name, result);
    }
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('reads every data file of the folder', () => {
    expect([...results.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (fileName, expected) => {
    const result = results.get(fileName);
    expect(result?.status).toBe(expected.status);
    if (expected.status !== 'imported') {
      return;
    }

    const invoices = await dataSource.getRepository(InvoiceEntity).find({
      where: { sourceFile: { fileName } },
      relations: { sourceFile: true, installments: true },
    });
    expect(invoices.map((invoice) => invoice.number).sort()).toEqual(Object.keys(expected.invoices).sort());

    for (const invoice of invoices) {
      const installments = [...(invoice.installments ?? [])].sort((left, right) => left.position - right.position);
      const rows: Row[] = installments.map((installment) => [installment.dueDate, installment.amountDue, installment.paymentMethod]);

      expect(rows).toEqual(expected.invoices[invoice.number]);
    }
  });

  it('records why installments never get a reminder', async () => {
    const reasonOf = async (number: string) =>
      (
        await dataSource
          .getRepository(InstallmentEntity)
          .find({ where: { invoice: { number } }, relations: { invoice: true }, order: { position: 'ASC' } })
      ).map((installment) => installment.noReminderReason);

    expect(await reasonOf('CN-001')).toEqual(['document-type']);
    expect(await reasonOf('IT23-94115I-790')).toEqual(['no-due-date']);
    expect(await reasonOf('2023/131703/1')).toEqual(['no-amount-due']);
    expect(await reasonOf('FPR 16/20')).toEqual([null]);
  });

  it('writes to foreign buyers in English', async () => {
    const languageOf = async (number: string) =>
      (await dataSource.getRepository(InvoiceEntity).findOneOrFail({ where: { number }, relations: { client: true } })).client
        ?.language;

    expect(await languageOf('SAMPLE-003')).toBe('en');
    expect(await languageOf('SAMPLE-010')).toBe('en');
    expect(await languageOf('INV/2018/0011')).toBe('en');
    expect(await languageOf('INV/2021/12/0001')).toBe('it');
  });

  it('sends due reminders with PDF once', async () => {
    const companyIds = [...new Set([...results.values()].map((result) => result.companyId).filter((id): id is number => id !== null))];
    for (const companyId of companyIds) {
      await testApp.app
        .get(ReminderSettingsService)
        .update(companyId, { enabled: true, attachCourtesyCopy: true, offsets: [-3, 0, 7], catchUpDays: 0 });
    }
    const clients = dataSource.getRepository(ClientEntity);
    for (const client of await clients.find()) {
      await clients.update({ id: client.id }, { emails: [`cliente-${client.id}@example.test`] });
    }

    smtp.clear();
    const sweep = testApp.app.get(ReminderSweepService);
    const first = await sweep.sweep({ day: '2017-02-28', dryRun: false, trigger: 'cli' });

    // Invoices 3 and 4 of the windows-1252 file are both due that day: reminder 2 of each.
    expect(first.counts).toMatchObject({ due: 2, sent: 2, failed: 0 });
    expect(smtp.received.map(({ mail }) => mail.subject).join('\n')).toMatch(/\b3\b[\s\S]*\b4\b|\b4\b[\s\S]*\b3\b/);
    for (const { mail } of smtp.received) {
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(mail.text).toContain('119,86 €');
    }

    const second = await sweep.sweep({ day: '2017-02-28', dryRun: false, trigger: 'cli' });
    expect(second.counts.sent).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });
});
