export type TestMailResponse =
  | { ok: true; messageId: string }
  | {
      ok: false;
      /**
       * The most specific error code: the system's for a network failure (ECONNREFUSED,
       * ENOTFOUND, ECONNRESET), otherwise nodemailer's (EAUTH, ETIMEDOUT, EENVELOPE, EMESSAGE,
       * ETLS, ESOCKET, ECONNECTION).
       */
      code: string;
      /** nodemailer's own error code, such as ESOCKET for a refused connection, or null when it gave none. */
      nodemailerCode: string | null;
      /** The SMTP server's reply, such as "535 5.7.8 Authentication failed", or null when there was none. */
      response: string | null;
      /** The SMTP reply code, such as 535, or null when there was none. */
      responseCode: number | null;
      /** The error message in English. */
      message: string;
    };
