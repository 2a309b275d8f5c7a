import { ReminderDispatchResponse } from '@solleciti/dto';

import { sampleInvoiceXml } from './sample-invoice';
import { TestApp } from './test-app';

export interface DueReminders {
  companyId: number;
  clientId: number;
  installmentIds: number[];
}

/**
 * Creates a company whose reminders are on (one reminder, on the due date, three catch-up days),
 * and one invoice with `count` installments all due on `dueDate`, so that the sweep of that day
 * sends `count` reminders to the client's `emails`.
 */
export async function createDueReminders(
  testApp: TestApp,
  options: { index: number; dueDate: string; count: number; emails?: string[] },
): Promise<DueReminders> {
  const auth = { Authorization: `Bearer ${testApp.token}` };
  const sellerVat = String(30_000_000_000 + options.index).padStart(11, '0');
  const company = await testApp
    .http()
    .post('/api/companies')
    .set(auth)
    .send({ name: `Azienda guasti ${options.index}`, vatNumber: `IT${sellerVat}`, email: `ufficio${options.index}@azienda.example` })
    .expect(201);
  const companyId = company.body.id as number;

  await testApp
    .http()
    .put(`/api/companies/${companyId}/reminder-settings`)
    .set(auth)
    .send({ enabled: true, attachCourtesyCopy: true, offsets: [0], catchUpDays: 3 })
    .expect(200);

  const xml = sampleInvoiceXml({
    sellerVat,
    number: `GUASTI-${options.index}`,
    date: '2024-11-15',
    installments: Array.from({ length: options.count }, (_, position) => ({
      dueDate: options.dueDate,
      amount: `${100 + position}.00`,
    })),
  });
  const imported = await testApp
    .http()
    .post(`/api/companies/${companyId}/invoices/import`)
    .set(auth)
    .attach('files', Buffer.from(xml), `guasti-${options.index}.xml`)
    .expect(200);
  expect(imported.body.files[0].status).toBe('imported');

  const invoice = await testApp
    .http()
    .get(`/api/companies/${companyId}/invoices/${imported.body.files[0].invoices[0].id}`)
    .set(auth)
    .expect(200);
  const clientId = invoice.body.clientId as number;
  await testApp
    .http()
    .patch(`/api/companies/${companyId}/clients/${clientId}`)
    .set(auth)
    .send({ emails: options.emails ?? [`amministrazione${options.index}@cliente.example`] })
    .expect(200);

  return {
    companyId,
    clientId,
    installmentIds: (invoice.body.installments as Array<{ id: number }>).map((installment) => installment.id),
  };
}

/** Returns the company's reminder history, oldest first. */
export async function dispatchHistory(testApp: TestApp, companyId: number): Promise<ReminderDispatchResponse[]> {
  const response = await testApp
    .http()
    .get(`/api/companies/${companyId}/reminders?pageSize=200`)
    .set({ Authorization: `Bearer ${testApp.token}` })
    .expect(200);

  return [...response.body.items].reverse();
}
