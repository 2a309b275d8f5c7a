import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';

import { SmtpSink } from './support/smtp-sink';
import { startTestApp } from './support/test-app';

describe('GET /api/health', () => {
  it('reports the database and the system SMTP server as up', async () => {
    const smtp = new SmtpSink();
    const port = await smtp.start();
    const testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const response = await testApp.http().get('/api/health').expect(200);

      expect(response.body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, smtp: { status: 'up', transport: 'smtp' } },
      });
    } finally {
      await testApp.close();
      await smtp.stop();
    }
  });

  it('answers 503 naming the SMTP server when it refuses connections', async () => {
    // A port that was free a moment ago and has nothing listening on it now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
    try {
      const response = await testApp.http().get('/api/health').expect(503);

      expect(response.body).toMatchObject({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { smtp: { status: 'down', transport: 'smtp', message: expect.stringContaining('ECONNREFUSED') } },
      });
    } finally {
      await testApp.close();
    }
  });

  it('counts the outbox folder as up when SMTP_URL is not set', async () => {
    const testApp = await startTestApp();
    try {
      const response = await testApp.http().get('/api/health').expect(200);

      expect(response.body.info.smtp).toEqual({ status: 'up', transport: 'outbox' });
    } finally {
      await testApp.close();
    }
  });
});
