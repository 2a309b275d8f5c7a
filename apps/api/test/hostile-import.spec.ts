import { buildSignedData, toBase64Lines } from '@solleciti/fatturapa/testing';
import { DataSource } from 'typeorm';

import { ClientEntity } from '../src/app/clients/client.entity';
import { InstallmentEntity } from '../src/app/invoices/installment.entity';
import { InvoiceEntity } from '../src/app/invoices/invoice.entity';
import { SourceFileEntity } from '../src/app/invoices/source-file.entity';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Uploads hostile files through the real import route and checks the reason code, the message
 * and that no row of any import table appeared.
 */

const BOUNDARY = '----solleciti-hostile-test';

/** Heap plus Buffer memory of this process, which runs the server too. */
function allocatedBytes(): number {
  const usage = process.memoryUsage();

  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Builds a multipart body by hand, because supertest's form-data keeps only the last segment of
 * a file name and cannot send the names that these tests need.
 */
function multipartBody(contentDisposition: string, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; ${contentDisposition}\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const validXml = () => sampleInvoiceXml({ number: 'H-1', date: '2025-03-01', installments: [{ dueDate: '2025-03-31', amount: '122.00' }] });
const rootStart = validXml().indexOf('<p:FatturaElettronica');

function withDoctype(doctype: string, body = validXml().slice(rootStart)): Buffer {
  return Buffer.from(`${validXml().slice(0, rootStart)}${doctype}\n${body}`);
}

function billionLaughs(): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level < 10; level++) {
    entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  }

  return `<!DOCTYPE p:FatturaElettronica [${entities.join('')}]>`;
}

describe('hostile import files', () => {
  let testApp: TestApp;
  let companyId: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const importUrl = () => `/api/companies/${companyId}/invoices/import`;

  async function countRows(): Promise<Record<string, number>> {
    const dataSource = testApp.app.get(DataSource);

    return {
      invoices: await dataSource.getRepository(InvoiceEntity).count(),
      installments: await dataSource.getRepository(InstallmentEntity).count(),
      clients: await dataSource.getRepository(ClientEntity).count(),
      sourceFiles: await dataSource.getRepository(SourceFileEntity).count(),
    };
  }

  async function uploadRaw(contentDisposition: string, content: Buffer) {
    return testApp
      .http()
      .post(importUrl())
      .set(auth())
      .set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`)
      .send(multipartBody(contentDisposition, content))
      .expect(200);
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: 'Officine Rossi S.p.A.', vatNumber: `IT${SAMPLE_SELLER_VAT}` })
      .expect(201);
    companyId = company.body.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const contentCases: Array<{ name: string; file: () => Buffer; reason: string; message: RegExp }> = [
    {
      name: 'billion laughs',
      file: () => withDoctype(billionLaughs(), validXml().slice(rootStart).replace('Manutenzione', '&lol9;')),
      reason: 'forbidden-dtd',
      message: /document type declaration \("<!DOCTYPE"\)/,
    },
    {
      name: 'external entity',
      file: () =>
        withDoctype(
          '<!DOCTYPE p:FatturaElettronica [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
          validXml().slice(rootStart).replace('Manutenzione', '&xxe;'),
        ),
      reason: 'forbidden-dtd',
      message: /FatturaPA does not allow/,
    },
    {
      name: 'plain DOCTYPE',
      file: () => withDoctype('<!DOCTYPE p:FatturaElettronica SYSTEM "fatturapa.dtd">'),
      reason: 'forbidden-dtd',
      message: /<!DOCTYPE/,
    },
    {
      name: 'deep nesting',
      file: () => Buffer.from(validXml().replace('<Descrizione>', `<Descrizione>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}`)),
      reason: 'malformed-xml',
      message: /nested more than 64 elements deep/,
    },
    {
      name: 'truncated p7m',
      file: () => {
        const envelope = buildSignedData(Buffer.from(validXml()));

        return Buffer.from(envelope.subarray(0, Math.floor(envelope.length / 2)));
      },
      reason: 'invalid-envelope',
      message: /The signed file \(\.p7m\) cannot be unwrapped: .*may be truncated/,
    },
    {
      name: 'tampered p7m',
      file: () => {
        const envelope = Buffer.from(buildSignedData(Buffer.from(validXml())));
        envelope[14] = 0x03; // last arc of the SignedData OID: 1.2.840.113549.1.7.2 becomes .3

        return envelope;
      },
      reason: 'invalid-envelope',
      message: /not SignedData/,
    },
    {
      name: 'truncated base64 p7m',
      file: () => {
        const text = toBase64Lines(buildSignedData(Buffer.from(validXml())));

        return Buffer.from(text.slice(0, Math.floor(text.length / 2)));
      },
      reason: 'invalid-envelope',
      message: /\.p7m/,
    },
    {
      name: 'ZIP archive',
      file: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from(validXml())]),
      reason: 'not-xml',
      message: /ZIP archive.*Extract the invoices/,
    },
    {
      name: 'a 1000-character buyer name',
      file: () =>
        Buffer.from(
          sampleInvoiceXml({
            number: 'H-2',
            date: '2025-03-01',
            buyer: { vat: '01234567897', companyName: 'Rossi '.repeat(166) + 'Srl!' },
            installments: [{ dueDate: '2025-03-31', amount: '122.00' }],
          }),
        ),
      reason: 'invalid-value',
      message: /^FatturaElettronicaHeader\/CessionarioCommittente\/DatiAnagrafici\/Anagrafica\/Denominazione is 1000 characters long, more than the 255 that can be stored/,
    },
    {
      name: 'a 21-character invoice number',
      file: () => Buffer.from(sampleInvoiceXml({ number: 'N'.repeat(21), date: '2025-03-01', installments: [{ dueDate: '2025-03-31', amount: '122.00' }] })),
      reason: 'invalid-value',
      message: /Numero is 21 characters long, more than the 20/,
    },
  ];

  it.each(contentCases)('rejects $name and stores nothing', async ({ file, reason, message }) => {
    const before = await countRows();

    const response = await uploadRaw('filename="fattura.xml"', file());

    expect(response.body.rejected).toBe(1);
    expect(response.body.files[0].status).toBe('rejected');
    expect(response.body.files[0].reason).toBe(reason);
    expect(response.body.files[0].message).toMatch(message);
    expect(await countRows()).toEqual(before);
  });

  const nameCases: Array<{ name: string; disposition: string; message: RegExp; shownName: string }> = [
    {
      name: 'a relative path',
      disposition: 'filename="../../etc/fattura.xml"',
      message: /^The file name "\.\.\/\.\.\/etc\/fattura\.xml" contains a path separator/,
      shownName: 'fattura.xml',
    },
    {
      name: 'a Windows path',
      disposition: 'filename="C:\\\\fakepath\\\\fattura.xml"',
      message: /contains a path separator \("\/" or "\\"\); upload the file under its own name/,
      shownName: 'fattura.xml',
    },
    {
      name: 'a line break',
      disposition: "filename*=UTF-8''fattura%0D%0ASet-Cookie%3A%20x.xml",
      message: /^The file name "fattura\\r\\nSet-Cookie: x\.xml" contains control characters/,
      shownName: 'fatturaSet-Cookie: x.xml',
    },
    {
      name: 'a right-to-left override',
      disposition: "filename*=UTF-8''fattura%E2%80%AEgpj.xml",
      message: /contains control characters \(line breaks, tabs or text-direction marks\)/,
      shownName: 'fatturagpj.xml',
    },
    {
      name: 'a 300-character name',
      disposition: `filename="${'a'.repeat(296)}.xml"`,
      message: /^The file name is 300 characters long, more than the limit of 255/,
      shownName: `${'a'.repeat(255)}`,
    },
  ];

  it.each(nameCases)('rejects a file name with $name', async ({ disposition, message, shownName }) => {
    const before = await countRows();

    const response = await uploadRaw(disposition, Buffer.from(validXml()));

    expect(response.body.files[0].status).toBe('rejected');
    expect(response.body.files[0].reason).toBe('invalid-file-name');
    expect(response.body.files[0].message).toMatch(message);
    expect(response.body.files[0].fileName).toBe(shownName);
    expect(await countRows()).toEqual(before);
  });

  it('rejects 50 MB before reading it whole', async () => {
    const before = await countRows();
    const body = multipartBody('filename="grande.xml"', Buffer.concat([Buffer.from(validXml()), Buffer.alloc(50 * 1000 * 1000, 0x20)]));
    const allocatedBefore = allocatedBytes();
    let peak = allocatedBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, allocatedBytes());
    }, 2);

    const started = performance.now();
    let response: Awaited<ReturnType<typeof uploadRaw>>;
    try {
      response = await testApp
        .http()
        .post(importUrl())
        .set(auth())
        .set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`)
        .send(body)
        .ok(() => true);
    } finally {
      clearInterval(sampler);
    }

    const growthMib = (peak - allocatedBefore) / 1024 / 1024;
    process.stdout.write(
      `50 MB upload: answered in ${Math.round(performance.now() - started)} ms, peak allocation +${growthMib.toFixed(1)} MiB (client and server)\n`,
    );
    expect(response.status).toBe(413);
    expect(response.body.reason).toBe('file-too-large');
    expect(response.body.message).toContain(`larger than the limit of ${20 * 1024 * 1024} bytes`);
    expect(await countRows()).toEqual(before);
    // Loose bound: multer keeps at most the 20 MiB limit of the file, plus the client's copies and garbage.
    expect(growthMib).toBeLessThan(96);
  });

  it('imports the same file under a plain name', async () => {
    const before = await countRows();

    const response = await uploadRaw('filename="IT09876543217_00001.xml"', Buffer.from(validXml()));

    expect(response.body.files[0].status).toBe('imported');
    expect(await countRows()).toEqual({
      invoices: before['invoices'] + 1,
      installments: before['installments'] + 1,
      clients: before['clients'] + 1,
      sourceFiles: before['sourceFiles'] + 1,
    });
  });
});
