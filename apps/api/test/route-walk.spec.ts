import { LoggerService } from '@nestjs/common';
import request from 'supertest';

import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Walks every operation of the OpenAPI document as a staff user of company A and as an API key of
 * company A, with every path parameter filled with an id that belongs to company B. Each must
 * return 404, or 403 for the routes listed as admin-only, so a new route that forgets to scope a
 * nested id by company makes this test fail.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  method: Method;
  /** OpenAPI path, such as /api/companies/{companyId}/clients/{id}. */
  path: string;
  key: string;
}

/** Routes only an administrator may call: staff and API keys must get 403, an administrator must not. */
const ADMIN_ONLY = new Set([
  'POST /api/companies',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'DELETE /api/users/{id}',
]);

/** Routes for a logged-in user that API keys must not reach (403). */
const USER_SESSION_ONLY = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'GET /api/companies/{companyId}/api-keys',
  'POST /api/companies/{companyId}/api-keys',
  'DELETE /api/companies/{companyId}/api-keys/{id}',
]);

/**
 * Operations without a path parameter, so there is no company B id to put in them. Each is
 * checked on its own below; a new one must be added here, or the walk fails.
 */
const UNSCOPED = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'GET /api/companies',
  'POST /api/companies',
  'GET /api/users',
  'POST /api/users',
]);

/**
 * Valid bodies for the operations that take one and also name a nested id: with company A in the
 * path and company B's id further on, the request passes the company check and validation, so only
 * the service's own scoping can return 404.
 */
const VALID_BODIES: Record<string, object> = {
  'PATCH /api/companies/{companyId}/clients/{id}': { phone: '+39 02 1234567' },
  'PATCH /api/companies/{companyId}/installments/{id}': { dueDate: '2025-09-30' },
  'POST /api/companies/{companyId}/installments/{id}/payments': {
    amount: '1.00',
    paidOn: '2025-06-01',
  },
  'PATCH /api/users/{id}': { role: 'staff' },
};

const SMTP_PASSWORD = 'smtp-secret-Qx7!walk';

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.capture(parts);
  error = (...parts: unknown[]) => this.capture(parts);
  warn = (...parts: unknown[]) => this.capture(parts);
  debug = (...parts: unknown[]) => this.capture(parts);
  verbose = (...parts: unknown[]) => this.capture(parts);
  fatal = (...parts: unknown[]) => this.capture(parts);

  private capture(parts: unknown[]): void {
    this.lines.push(
      parts
        .map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : String(part)))
        .join(' '),
    );
  }
}

interface CompanyIds {
  companyId: number;
  clientId: number;
  invoiceId: number;
  installmentId: number;
  apiKeyId: number;
  userId: number;
}

describe('route walk across companies', () => {
  const logger = new CapturingLogger();
  let testApp: TestApp;
  let operations: Operation[];
  let companyA: CompanyIds;
  let companyB: CompanyIds;
  let staffToken: string;
  let apiKeyA: string;
  const admin = () => ({ Authorization: `Bearer ${testApp.token}` });

  beforeAll(async () => {
    testApp = await startTestApp({}, { logger });
    companyA = await seedCompany(
      'Officine Rossi S.p.A.',
      SAMPLE_SELLER_VAT,
      '01234567897',
      'staff-a',
    );
    companyB = await seedCompany(
      'Ferramenta Bianchi S.r.l.',
      '01234567897',
      SAMPLE_SELLER_VAT,
      'staff-b',
    );

    staffToken = (
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ username: 'staff-a', password: 'staff-password-a' })
        .expect(200)
    ).body.accessToken;
    apiKeyA = (
      await testApp
        .http()
        .post(`/api/companies/${companyA.companyId}/api-keys`)
        .set(admin())
        .send({ name: 'Walk' })
        .expect(201)
    ).body.key;

    const document = (await testApp.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Partial<Record<Method, unknown>>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => ({
        method,
        path,
        key: `${method.toUpperCase()} ${path}`,
      })),
    );
  });

  afterAll(async () => {
    await testApp?.close();
  });

  /** Creates a company with a client, an invoice with an installment, a dispatch, an API key, SMTP settings and a staff user. */
  async function seedCompany(
    name: string,
    vat: string,
    buyerVat: string,
    staffName: string,
  ): Promise<CompanyIds> {
    const companyId = (
      await testApp
        .http()
        .post('/api/companies')
        .set(admin())
        .send({ name, vatNumber: `IT${vat}` })
        .expect(201)
    ).body.id;
    const base = `/api/companies/${companyId}`;

    const upload = testApp.http().post(`${base}/invoices/import`).set(admin());
    upload.attach(
      'files',
      Buffer.from(
        sampleInvoiceXml({
          sellerVat: vat,
          sellerName: name,
          buyer: { vat: buyerVat, companyName: `Cliente di ${name}` },
          number: `FT-${companyId}`,
          date: '2025-05-02',
          installments: [{ dueDate: '2025-06-10', amount: '100.00' }],
        }),
      ),
      `ft-${companyId}.xml`,
    );
    expect((await upload.expect(200)).body.imported).toBe(1);

    const invoices = await testApp.http().get(`${base}/invoices`).set(admin()).expect(200);
    const invoiceId = invoices.body.items[0].id;
    const invoice = await testApp
      .http()
      .get(`${base}/invoices/${invoiceId}`)
      .set(admin())
      .expect(200);
    const installmentId = invoice.body.installments[0].id;
    const clientId = invoice.body.clientId;

    await testApp
      .http()
      .patch(`${base}/clients/${clientId}`)
      .set(admin())
      .send({ emails: ['amministrazione@cliente.example'] })
      .expect(200);
    await testApp
      .http()
      .put(`${base}/reminder-settings`)
      .set(admin())
      .send({ enabled: true, attachCourtesyCopy: false, offsets: [0], catchUpDays: 0 })
      .expect(200);
    await testApp
      .http()
      .put(`${base}/mail-settings`)
      .set(admin())
      .send({
        host: '127.0.0.1',
        port: 1,
        security: 'none',
        username: 'solleciti',
        password: SMTP_PASSWORD,
        fromName: name,
        fromAddress: 'solleciti@azienda.example',
      })
      .expect(200);
    const apiKeyId = (
      await testApp
        .http()
        .post(`${base}/api-keys`)
        .set(admin())
        .send({ name: 'Gestionale' })
        .expect(201)
    ).body.id;
    const userId = (
      await testApp
        .http()
        .post('/api/users')
        .set(admin())
        .send({
          username: staffName,
          password: `staff-password-${staffName.slice(-1)}`,
          role: 'staff',
          companyIds: [companyId],
        })
        .expect(201)
    ).body.id;

    return { companyId, clientId, invoiceId, installmentId, apiKeyId, userId };
  }

  /** Fills a path's parameters from `ids`; the segment before `{id}` names the resource. */
  function fillPath(path: string, ids: CompanyIds): string {
    return path.replace(/\{(\w+)\}/g, (_match, name: string, offset: number) => {
      const resource = path.slice(0, offset).split('/').filter(Boolean).pop();
      const value = parameterValue(name, resource, ids);
      if (value === undefined) {
        throw new Error(
          `No value for the parameter '${name}' after '${resource}' in ${path}; add one to the route walk's seed`,
        );
      }

      return String(value);
    });
  }

  function parameterValue(
    name: string,
    resource: string | undefined,
    ids: CompanyIds,
  ): number | string | undefined {
    if (name === 'companyId') {
      return ids.companyId;
    }
    if (name === 'clientId') {
      return ids.clientId;
    }
    if (name === 'level') {
      return 1;
    }
    if (name === 'language') {
      return 'it';
    }
    if (name !== 'id') {
      return undefined;
    }

    const byResource: Record<string, number> = {
      clients: ids.clientId,
      invoices: ids.invoiceId,
      installments: ids.installmentId,
      'api-keys': ids.apiKeyId,
      users: ids.userId,
    };

    return resource === undefined ? undefined : byResource[resource];
  }

  /** Whether a path names an id of company B beyond the company itself. */
  const hasNestedId = (path: string) => /\{(id|clientId)\}/.test(path);

  function send(
    operation: Operation,
    url: string,
    credentials: Record<string, string>,
  ): request.Test {
    const call = testApp.http()[operation.method](url).set(credentials);

    return operation.method === 'get' || operation.method === 'delete'
      ? call
      : call.send(VALID_BODIES[operation.key] ?? {});
  }

  interface Answer {
    key: string;
    url: string;
    status: number;
  }

  /** Calls every scoped operation with B's ids (and, where there is a nested id, with A's company and B's id). */
  async function walkScoped(credentials: Record<string, string>): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const operation of operations.filter((candidate) => !UNSCOPED.has(candidate.key))) {
      const urls = [fillPath(operation.path, companyB)];
      if (hasNestedId(operation.path) && operation.path.includes('{companyId}')) {
        urls.push(
          fillPath(operation.path.replace('{companyId}', String(companyA.companyId)), companyB),
        );
      }
      for (const url of urls) {
        answers.push({
          key: operation.key,
          url,
          status: (await send(operation, url, credentials)).status,
        });
      }
    }

    return answers;
  }

  it('lists every operation as scoped or as checked on its own', () => {
    const withoutParameters = operations
      .filter((operation) => !operation.path.includes('{'))
      .map((operation) => operation.key);

    expect(withoutParameters.sort()).toEqual([...UNSCOPED].sort());
    for (const key of [...ADMIN_ONLY, ...USER_SESSION_ONLY, ...Object.keys(VALID_BODIES)]) {
      expect(operations.map((operation) => operation.key)).toContain(key);
    }
    // The count at the time of writing; a new route changes it, which is the prompt to check it here.
    expect(operations).toHaveLength(45);
  });

  it('gives a staff user of A 404 on every route of B', async () => {
    const answers = await walkScoped({ Authorization: `Bearer ${staffToken}` });

    const scopedCount = operations.filter((operation) => !UNSCOPED.has(operation.key)).length;
    expect(new Set(answers.map((answer) => answer.key)).size).toBe(scopedCount);
    const unexpected = answers.filter(
      (answer) => answer.status !== (ADMIN_ONLY.has(answer.key) ? 403 : 404),
    );
    expect(unexpected).toEqual([]);
  });

  it('gives an API key of A 404 on every route of B', async () => {
    const answers = await walkScoped({ 'X-API-Key': apiKeyA });

    const scopedCount = operations.filter((operation) => !UNSCOPED.has(operation.key)).length;
    expect(new Set(answers.map((answer) => answer.key)).size).toBe(scopedCount);
    const expected = (key: string) =>
      ADMIN_ONLY.has(key) || USER_SESSION_ONLY.has(key) ? 403 : 404;
    const unexpected = answers.filter((answer) => answer.status !== expected(answer.key));
    expect(unexpected).toEqual([]);
  });

  it('checks each unscoped route for staff and API keys', async () => {
    const staff = { Authorization: `Bearer ${staffToken}` };
    const key = { 'X-API-Key': apiKeyA };

    const health = await testApp.http().get('/api/health').expect(200);
    expect(JSON.stringify(health.body)).not.toContain('Bianchi');

    await testApp
      .http()
      .post('/api/auth/login')
      .send({ username: 'staff-a', password: 'wrong' })
      .expect(401);

    const me = await testApp.http().get('/api/auth/me').set(staff).expect(200);
    expect(me.body).toEqual({ id: companyA.userId, username: 'staff-a', role: 'staff' });
    await testApp.http().get('/api/auth/me').set(key).expect(403);

    for (const credentials of [staff, key]) {
      const companies = await testApp.http().get('/api/companies').set(credentials).expect(200);
      expect(companies.body.map((company: { id: number }) => company.id)).toEqual([
        companyA.companyId,
      ]);
    }

    await testApp.http().post('/api/auth/logout').set(key).expect(403);
    const throwaway = (
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ username: 'staff-a', password: 'staff-password-a' })
        .expect(200)
    ).body.accessToken;
    await testApp
      .http()
      .post('/api/auth/logout')
      .set({ Authorization: `Bearer ${throwaway}` })
      .expect(204);
    await testApp
      .http()
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${throwaway}` })
      .expect(401);
  });

  it('lets an administrator through every admin-only route', async () => {
    for (const key of ADMIN_ONLY) {
      const operation = operations.find((candidate) => candidate.key === key);
      if (!operation) {
        throw new Error(`${key} is listed as admin-only but is not in the OpenAPI document`);
      }
      const response = await send(operation, fillPath(operation.path, companyB), admin());

      expect({ key, status: response.status }).not.toEqual({ key, status: 403 });
      expect({ key, status: response.status }).not.toEqual({ key, status: 401 });
    }
  });

  it('never returns or logs the SMTP password', async () => {
    const sweep = await testApp.app
      .get(ReminderSweepService)
      .sweep({ day: '2025-06-10', dryRun: false, trigger: 'cli' });
    expect(
      sweep.dispatches.filter((dispatch) => dispatch.companyId === companyB.companyId),
    ).not.toHaveLength(0);
    await testApp
      .http()
      .post(`/api/companies/${companyB.companyId}/mail-settings/test`)
      .set(admin())
      .send({ to: 'prova@azienda.example' })
      .expect(200);

    const getOperations = operations.filter((operation) => operation.method === 'get');
    for (const operation of getOperations) {
      const response = await testApp
        .http()
        .get(fillPath(operation.path, companyB))
        .set(admin())
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

      expect({ key: operation.key, status: response.status < 500 }).toEqual({
        key: operation.key,
        status: true,
      });
      expect({
        key: operation.key,
        leaked: (response.body as Buffer).toString('latin1').includes(SMTP_PASSWORD),
      }).toEqual({
        key: operation.key,
        leaked: false,
      });
    }

    const settings = await testApp
      .http()
      .get(`/api/companies/${companyB.companyId}/mail-settings`)
      .set(admin())
      .expect(200);
    expect(settings.body.passwordSet).toBe(true);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines.filter((line) => line.includes(SMTP_PASSWORD))).toEqual([]);
    expect(logger.lines.filter((line) => line.includes(apiKeyA))).toEqual([]);
  });
});
