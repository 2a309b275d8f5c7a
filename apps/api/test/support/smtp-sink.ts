import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
}

/**
 * Where a held message waits: 'mail' before replying to MAIL FROM (the sender has not reached the
 * body yet), 'data' after the whole body has arrived and before the server replies to it.
 */
export type HoldPhase = 'mail' | 'data';

export interface Hold {
  /** Resolves when a message reaches the phase. */
  reached: Promise<void>;
  /** Lets the held message go on. */
  release(): void;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Every body that arrived in full, with or without a reply: what a client may count as delivered. */
  readonly arrived: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  private failures: Array<{ code: number; message: string }> = [];
  private readonly rejectedRecipients = new Map<string, { code: number; message: string }>();
  private readonly holds: Array<{ phase: HoldPhase; skip: number; reached: () => void; released: Promise<void> }> = [];
  private dropsAfterData = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // Otherwise the server sends a reverse-DNS query for every client to the system resolver, off this machine.
      disableReverseLookup: true,
      logger: false,
      // A held message whose sender was killed must not keep close() waiting for long.
      closeTimeout: 1000,
      onMailFrom: (_address, _session, callback) => {
        void this.wait('mail').then(() => callback());
      },
      onRcptTo: (address, _session, callback) => {
        const rejection = this.rejectedRecipients.get(address.address);
        if (rejection) {
          callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));

          return;
        }

        callback();
      },
      onData: (stream, session, callback) => {
        const failure = this.failures.shift();
        if (failure) {
          stream.resume();
          stream.on('end', () => callback(Object.assign(new Error(failure.message), { responseCode: failure.code })));

          return;
        }

        simpleParser(stream)
          .then(async (mail) => {
            const received = { envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address), mail };
            this.arrived.push(received);
            await this.wait('data');
            if (this.dropsAfterData > 0) {
              this.dropsAfterData -= 1;
              this.dropConnection(session.id);

              return;
            }

            this.received.push(received);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  /**
   * Holds the message after `skip` others at `phase` until released, so that a test can act
   * (kill the sender, send it SIGTERM) while the sender is at a known point.
   */
  hold(phase: HoldPhase, skip = 0): Hold {
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ phase, skip, reached, released });

    return { reached: reachedPromise, release };
  }

  /** Rejects one recipient at RCPT TO with the given reply, and accepts the others. */
  rejectRecipient(address: string, code = 550, message = '5.1.1 Mailbox unavailable'): void {
    this.rejectedRecipients.set(address, { code, message });
  }

  /** Makes the next `count` messages arrive in full and then closes the connection without a reply. */
  dropAfterData(count: number): void {
    this.dropsAfterData = count;
  }

  private async wait(phase: HoldPhase): Promise<void> {
    const hold = this.holds.find((candidate) => candidate.phase === phase);
    if (!hold) {
      return;
    }
    if (hold.skip > 0) {
      hold.skip -= 1;

      return;
    }

    this.holds.splice(this.holds.indexOf(hold), 1);
    hold.reached();
    await hold.released;
  }

  private dropConnection(sessionId: string): void {
    // smtp-server keeps its open connections in a set; its sockets are not part of the typed API.
    const connections = (this.server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> })
      .connections;
    for (const connection of connections) {
      if (connection.id === sessionId) {
        connection._socket.destroy();
      }
    }
  }

  async start(): Promise<number> {
    // A sender killed mid-message resets its connection; that is what the fault tests do on purpose.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));

    return (this.server.server.address() as AddressInfo).port;
  }

  /** Makes the next `count` messages fail with the given SMTP reply, as a busy or broken server would. */
  failNext(count: number, code = 451, message = 'Temporary local problem, try again later'): void {
    this.failures = Array.from({ length: count }, () => ({ code, message }));
  }

  clear(): void {
    this.received.length = 0;
    this.arrived.length = 0;
    this.rejectedRecipients.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
