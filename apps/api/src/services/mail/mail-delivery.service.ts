import { MailerService } from '@nestjs-modules/mailer';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { MailSettingsEntity } from '../../app/mail-settings/mail-settings.entity';
import type { RecipientError } from '../../app/reminders/reminder-dispatch.entity';
import { ConfigurationService } from '../configuration/configuration.service';
import { BEFORE_SUBMIT_OPTION, BeforeSubmit } from './submission-gate';

export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  replyTo?: string | null;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** The Message-ID header to use, so that it is known before the message leaves. */
  messageId?: string;
  /** Runs when the server is ready for the message body, before any of it is sent. */
  beforeSubmit?: BeforeSubmit;
}

/** The SMTP server fields of a company's mail settings, saved or not. */
export type SmtpServerSettings = Pick<
  MailSettingsEntity,
  'host' | 'port' | 'security' | 'username' | 'password' | 'fromName' | 'fromAddress'
>;

export interface DeliveryResult {
  messageId: string;
  /** The .eml file written when no SMTP server is configured. */
  outboxFile: string | null;
  /** Recipients the server refused while it accepted the message for the others. */
  recipientErrors: RecipientError[];
}

/**
 * Sends e-mail by the sender rules: through the company's own SMTP server when it has
 * one, otherwise through the system transport (SMTP_URL), or into MAIL_OUTBOX_DIR as .eml files
 * when SMTP_URL is unset.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly companyTransporters = new Map<number, string>();
  private outboxAnnounced = false;

  constructor(
    private readonly configurationService: ConfigurationService,
    private readonly mailerService: MailerService,
  ) {}

  get usesOutbox(): boolean {
    return this.configurationService.get('smtpUrl') === null;
  }

  async sendWithCompanyServer(settings: MailSettingsEntity, message: OutgoingMessage): Promise<DeliveryResult> {
    const transporterName = this.companyTransporter(settings);
    const info = await this.mailerService.sendMail({
      transporterName,
      from: { name: toDisplayName(settings.fromName), address: settings.fromAddress },
      ...this.toMailOptions(message),
    });

    return { messageId: String(info.messageId ?? ''), outboxFile: null, recipientErrors: recipientErrorsOf(info) };
  }

  async sendWithSystemSender(message: OutgoingMessage): Promise<DeliveryResult> {
    const info = await this.mailerService.sendMail({
      from: this.configurationService.get('mailDefaultFrom'),
      ...this.toMailOptions(message),
    });

    if (!this.usesOutbox) {
      return { messageId: String(info.messageId ?? ''), outboxFile: null, recipientErrors: recipientErrorsOf(info) };
    }

    return {
      messageId: String(info.messageId ?? ''),
      outboxFile: await this.writeToOutbox(info.message as Buffer),
      recipientErrors: [],
    };
  }

  /** Checks that the system SMTP server (SMTP_URL) accepts a connection and the login, within `timeoutMs`. */
  async verifySystemTransport(timeoutMs: number): Promise<void> {
    const smtpUrl = this.configurationService.get('smtpUrl');
    if (smtpUrl === null) {
      return;
    }

    // A connection of its own, so that the check neither waits for nor disturbs the pool.
    const transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as SMTPTransport.Options);
    try {
      await transporter.verify();
    } finally {
      transporter.close();
    }
  }

  /**
   * Sends one message through an SMTP server on a new connection, outside the pool, for testing
   * settings before or after they are saved. Rejects with nodemailer's error, or with an error
   * whose code is ETIMEDOUT when the whole exchange takes longer than `timeoutMs`.
   */
  async sendTestMessage(settings: SmtpServerSettings, message: OutgoingMessage, timeoutMs: number): Promise<DeliveryResult> {
    const transporter = createTransport({
      ...smtpTransportOptions(settings),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`The SMTP server ${settings.host}:${settings.port} did not complete the exchange within ${timeoutMs} ms`), {
              code: 'ETIMEDOUT',
            }),
          ),
        timeoutMs,
      );
    });

    try {
      const info = await Promise.race([
        transporter.sendMail({ from: { name: toDisplayName(settings.fromName), address: settings.fromAddress }, ...this.toMailOptions(message) }),
        timeout,
      ]);

      return { messageId: String(info.messageId ?? ''), outboxFile: null, recipientErrors: recipientErrorsOf(info) };
    } finally {
      clearTimeout(timer);
      transporter.close();
    }
  }

  private toMailOptions(message: OutgoingMessage) {
    return {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      replyTo: message.replyTo ?? undefined,
      attachments: message.attachments,
      messageId: message.messageId,
      [BEFORE_SUBMIT_OPTION]: message.beforeSubmit,
      // nodemailer folds and encodes headers itself; a value with a line break is rejected upstream.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }

  /**
   * Returns the name of a pooled transporter for the company's current settings; saving new
   * settings changes updatedAt, which makes a new transporter and closes the old one.
   */
  private companyTransporter(settings: MailSettingsEntity): string {
    const name = `company-${settings.companyId}-${settings.updatedAt?.getTime?.() ?? 0}`;
    const previous = this.companyTransporters.get(settings.companyId);
    if (previous === name) {
      return name;
    }
    if (previous) {
      this.mailerService.removeTransporter(previous);
    }

    this.mailerService.addTransporter(name, {
      ...smtpTransportOptions(settings),
      pool: true,
      maxConnections: 2,
      maxMessages: Infinity,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    this.companyTransporters.set(settings.companyId, name);

    return name;
  }

  /**
   * Closes the pooled connections to company servers. The sweep calls it when it ends, so no
   * connection stays open between sweeps and new settings are always used by the next one.
   */
  closeCompanyTransporters(): void {
    for (const name of this.companyTransporters.values()) {
      this.mailerService.removeTransporter(name);
    }
    this.companyTransporters.clear();
  }

  private async writeToOutbox(content: Buffer): Promise<string> {
    const directory = this.configurationService.get('mailOutboxDir');
    await mkdir(directory, { recursive: true });

    // Written under a temporary name and renamed, so a reader never sees half a message.
    const fileName = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
    const path = join(directory, fileName);
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);

    if (!this.outboxAnnounced) {
      this.outboxAnnounced = true;
      this.logger.log(`SMTP_URL is not set: e-mails are written as .eml files to '${directory}'.`);
    }

    return path;
  }
}

/** Returns the nodemailer options that connect to a company's SMTP server and log in to it. */
function smtpTransportOptions(settings: SmtpServerSettings): SMTPTransport.Options {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.username ? { user: settings.username, pass: settings.password ?? '' } : undefined,
  };
}

/** Reads the refused recipients of a partly accepted message from nodemailer's result. */
function recipientErrorsOf(info: unknown): RecipientError[] {
  return describeRecipientErrors((info as { rejectedErrors?: unknown }).rejectedErrors);
}

/** Turns nodemailer's per-recipient errors into what is stored, with the server's reply. */
export function describeRecipientErrors(errors: unknown): RecipientError[] {
  if (!Array.isArray(errors)) {
    return [];
  }

  return errors.map((error: { recipient?: unknown; response?: unknown; responseCode?: unknown; message?: unknown }) => ({
    recipient: String(error.recipient ?? ''),
    response: String(error.response ?? error.message ?? '').slice(0, 500),
    responseCode: typeof error.responseCode === 'number' ? error.responseCode : null,
  }));
}

/**
 * Tells a failure worth trying again (no reply, a dropped or refused connection, a 4xx reply, or
 * a rejected login, which the company can fix) from one that will fail the same way (a 5xx reply).
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (code === 'EAUTH') {
    return false;
  }

  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/** Returns true when the server replied to the message itself, so it certainly did not accept it. */
export function hasSmtpReply(error: unknown): boolean {
  const { responseCode } = (error ?? {}) as { responseCode?: unknown };

  return typeof responseCode === 'number' && responseCode >= 400;
}

/**
 * Turns control characters in a sender name into spaces. The settings DTO rejects them, and this
 * also covers names stored before that check, because nodemailer encodes a line break into the
 * From header instead of dropping it.
 */
function toDisplayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
