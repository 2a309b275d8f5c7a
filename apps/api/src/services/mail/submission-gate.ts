import { Readable } from 'node:stream';

/**
 * Called once the SMTP server has accepted the envelope and asked for the message body (354),
 * before the first byte of the body leaves. The send waits for it; a rejection aborts the send
 * before the server can accept anything.
 */
export type BeforeSubmit = () => Promise<void>;

/** The mail option that carries the callback through nodemailer to the plugin below. */
export const BEFORE_SUBMIT_OPTION = 'beforeSubmit';

/**
 * A nodemailer 'stream' plugin that keeps back the message body until the mail's beforeSubmit callback
 * has resolved. nodemailer starts reading the body only when the server is ready for it. So
 * whatever the callback records (the reminder's status submitting) is stored before the server
 * could have accepted the message, and a process that dies before that point has delivered nothing.
 */
export function submissionGatePlugin(
  mail: { data: Record<string, unknown>; message: { processFunc(process: (input: Readable) => Readable): void } },
  done: (error?: Error | null) => void,
): void {
  const beforeSubmit = mail.data[BEFORE_SUBMIT_OPTION];
  if (typeof beforeSubmit === 'function') {
    mail.message.processFunc((input) => gate(input, beforeSubmit as BeforeSubmit));
  }

  done();
}

function gate(input: Readable, beforeSubmit: BeforeSubmit): Readable {
  let opened: Promise<void> | null = null;

  const output = new Readable({
    read() {
      if (opened !== null) {
        input.resume();

        return;
      }

      opened = beforeSubmit().then(
        () => {
          input.on('data', (chunk: Buffer) => {
            if (!output.push(chunk)) {
              input.pause();
            }
          });
          input.once('end', () => output.push(null));
          input.once('error', (error) => output.destroy(error));
        },
        (error: unknown) => {
          input.destroy();
          output.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
    destroy(error, callback) {
      input.destroy();
      callback(error);
    },
  });

  return output;
}
