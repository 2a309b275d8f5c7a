import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Client data with markup, line breaks, long text and unusual Unicode is stored as given and
 * escaped on each way out: JSON, CSV export and e-mail through a real SMTP server.
 */

const MARKUP_NAME = '<script>alert("x")</script> & <b>Rossi</b>';
// Right-to-left override, zero-width space, emoji, "e" with a combining acute accent.
const UNICODE_NAME = 'Bianchi \u202Egpj.exe\u202C Srl\u200B 😀 Caffe\u0301';
const HEADER_INJECTION = 'Officine Rossi\r\nBcc: spia@example.com';
const LONG_NAME = 'Ferramenta Lunga '.repeat(15).trimEnd().padEnd(255, 'x');

describe('client data on every way out', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let companyId: number;
  let clientId: number;
  let smtpPort: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const url = (path: string) => `/api/companies/${companyId}${path}`;

  beforeAll(async () => {
    smtpPort = await smtp.start();
    testApp = await startTestApp();
    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: HEADER_INJECTION, vatNumber: `IT${SAMPLE_SELLER_VAT}`, email: 'amministrazione@officinerossi.example' })
      .expect(201);
    companyId = company.body.id;

    const imported = await testApp
      .http()
      .post(url('/invoices/import'))
      .set(auth())
      .attach('files', Buffer.from(sampleInvoiceXml({ number: 'FT-7', date: '2025-01-10', installments: [{ dueDate: '2025-02-10', amount: '61.00' }] })), 'ft-7.xml')
      .expect(200);
    const invoice = await testApp.http().get(url(`/invoices/${imported.body.files[0].invoices[0].id}`)).set(auth()).expect(200);
    clientId = invoice.body.clientId;
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('stores markup and Unicode as given', async () => {
    const created = await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: UNICODE_NAME, address: { street: 'Via Roma 1\r\nScala B' } })
      .expect(201);
    await testApp.http().patch(url(`/clients/${clientId}`)).set(auth()).send({ companyName: MARKUP_NAME }).expect(200);

    const markup = await testApp.http().get(url(`/clients/${clientId}`)).set(auth()).expect(200);
    const unicode = await testApp.http().get(url(`/clients/${created.body.id}`)).set(auth()).expect(200);

    expect(markup.headers['content-type']).toMatch(/^application\/json/);
    expect(markup.body.companyName).toBe(MARKUP_NAME);
    expect(unicode.body.companyName).toBe(UNICODE_NAME);
    expect(unicode.body.address.street).toBe('Via Roma 1\r\nScala B');
    expect(JSON.parse(unicode.text).companyName).toBe(UNICODE_NAME);
  });

  it('accepts 255 characters and rejects 256', async () => {
    const accepted = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: LONG_NAME }).expect(201);

    const rejected = await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: `${LONG_NAME}y` })
      .expect(400);

    expect(accepted.body.companyName).toBe(LONG_NAME);
    expect(rejected.body.message).toEqual(['companyName must be shorter than or equal to 255 characters']);
  });

  it('rejects unknown fields and unbounded query values', async () => {
    const unknown = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: 'X', isAdmin: true }).expect(400);
    const clientIdTooLarge = await testApp.http().get(url('/invoices?clientId=99999999999')).set(auth()).expect(400);
    const pageTooLarge = await testApp.http().get(url('/clients?page=1000001')).set(auth()).expect(400);
    const searchTooLong = await testApp.http().get(url(`/clients/export.csv?search=${'a'.repeat(101)}`)).set(auth()).expect(400);

    expect(unknown.body.message).toEqual(['isAdmin is not an accepted field; remove it']);
    expect(clientIdTooLarge.body.message).toEqual(['clientId must not be greater than 2147483647']);
    expect(pageTooLarge.body.message).toEqual(['page must not be greater than 1000000']);
    expect(searchTooLong.body.message).toEqual(['search must be shorter than or equal to 100 characters']);
  });

  it('exports CSV with BOM, quoting and defused formulas', async () => {
    await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: '=HYPERLINK("http://x.example";"apri")', phone: '+39 06 1234567' })
      .expect(201);

    const response = await testApp.http().get(url('/clients/export.csv')).set(auth()).buffer(true).expect(200);

    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="clienti-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = response.text;
    expect(text.startsWith('\uFEFFNome;Tipo;Ragione sociale;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0].split(';')).toHaveLength(19);
    expect(text).toContain(`'=HYPERLINK(""http://x.example"";""apri"")`);
    expect(text).toContain(";'+39 06 1234567;");
    expect(text).toContain(`"<script>alert(""x"")</script> & <b>Rossi</b>";Azienda;`);
    expect(text).toContain(`${UNICODE_NAME};Azienda;`);
    expect(text).toContain('"Via Roma 1\r\nScala B"');
    expect(text).toContain(`${LONG_NAME};Azienda;`);
  });

  it('filters the export with the list search', async () => {
    const response = await testApp.http().get(url('/clients/export.csv?search=Bianchi')).set(auth()).buffer(true).expect(200);

    expect(response.text).toContain(`\r\n${UNICODE_NAME};Azienda;`);
    expect(response.text).not.toContain('Rossi');
    expect(response.text).not.toContain('Ferramenta Lunga');
  });

  it('answers 404 for the export of an unknown company', async () => {
    await testApp.http().get('/api/companies/9999/clients/export.csv').set(auth()).expect(404);
    await testApp.http().get(url('/clients/export.csv')).expect(401);
  });

  it('rejects a sender name with a line break', async () => {
    const response = await testApp
      .http()
      .put(url('/mail-settings'))
      .set(auth())
      .send({
        host: '127.0.0.1',
        port: smtpPort,
        security: 'none',
        fromName: 'Ufficio crediti\r\nBcc: spia@example.com',
        fromAddress: 'crediti@officinerossi.example',
      })
      .expect(400);

    expect(response.body.message).toEqual(['fromName must be one line without control characters such as line breaks or tabs']);
  });

  it('sends the e-mail with escaped HTML and no injected header', async () => {
    await testApp
      .http()
      .patch(url(`/clients/${clientId}`))
      .set(auth())
      .send({ emails: ['ufficio@cliente.example'] })
      .expect(200);
    await testApp
      .http()
      .put(url('/reminder-settings'))
      .set(auth())
      .send({ enabled: true, attachCourtesyCopy: false, offsets: [0], catchUpDays: 0 })
      .expect(200);
    await testApp
      .http()
      .put(url('/mail-settings'))
      .set(auth())
      .send({
        host: '127.0.0.1',
        port: smtpPort,
        security: 'none',
        username: null,
        password: null,
        fromName: 'Ufficio crediti',
        fromAddress: 'crediti@officinerossi.example',
      })
      .expect(200);

    const report = await testApp.app.get(ReminderSweepService).sweep({ day: '2025-02-10', dryRun: false, trigger: 'cli' });

    expect(report.counts.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [{ envelopeTo, mail }] = smtp.received;
    expect(envelopeTo).toEqual(['ufficio@cliente.example']);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Officine Rossi Bcc: spia@example.com');
    expect(mail.from?.value).toHaveLength(1);
    expect(mail.from?.value[0].address).toBe('crediti@officinerossi.example');
    expect(mail.from?.value[0].name).toBe('Ufficio crediti');
    expect(mail.text).toContain(`Gentile ${MARKUP_NAME},`);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Rossi</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Rossi&lt;/b&gt;');
  });
});
