import { hasSmtpReply, isPermanentSmtpFailure } from './mail-delivery.service';

describe('SMTP failure classes', () => {
  it.each([
    ['a 5xx reply to the message', { code: 'EMESSAGE', responseCode: 554 }, true],
    ['all recipients refused with 550', { code: 'EENVELOPE', responseCode: 550 }, true],
    ['a 4xx reply', { code: 'EMESSAGE', responseCode: 451 }, false],
    ['a refused connection', { code: 'ESOCKET' }, false],
    ['a timeout', { code: 'ETIMEDOUT' }, false],
    ['a refused login, which the company can fix', { code: 'EAUTH', responseCode: 535 }, false],
    ['an error of this program', new Error('PDF rendering failed'), false],
  ])('%s: permanent is %s', (_name, error, permanent) => {
    expect(isPermanentSmtpFailure(error)).toBe(permanent);
  });

  it('tells an answer of the server from a broken connection', () => {
    expect(hasSmtpReply({ responseCode: 451 })).toBe(true);
    expect(hasSmtpReply({ code: 'ECONNECTION' })).toBe(false);
    expect(hasSmtpReply(undefined)).toBe(false);
  });
});
