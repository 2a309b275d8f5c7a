import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  private failures: Array<{ code: number; message: string }> = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Otherwise the server sends a reverse-DNS query for every client to the system resolver, off this machine.
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        const failure = this.failures.shift();
        if (failure) {
          stream.resume();
          stream.on('end', () => callback(Object.assign(new Error(failure.message), { responseCode: failure.code })));

          return;
        }

        simpleParser(stream)
          .then((mail) => {
            this.received.push({ envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address), mail });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));

    return (this.server.server.address() as AddressInfo).port;
  }

  /** Makes the next `count` messages fail with the given SMTP reply, as a busy or broken server would. */
  failNext(count: number, code = 451, message = 'Temporary local problem, try again later'): void {
    this.failures = Array.from({ length: count }, () => ({ code, message }));
  }

  clear(): void {
    this.received.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
