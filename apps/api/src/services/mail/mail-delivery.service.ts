import { MailerService } from '@nestjs-modules/mailer';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { MailSettingsEntity } from '../../app/mail-settings/mail-settings.entity';
import { ConfigurationService } from '../configuration/configuration.service';

export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  replyTo?: string | null;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
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
      from: { name: settings.fromName, address: settings.fromAddress },
      ...this.toMailOptions(message),
    });

    return { messageId: String(info.messageId ?? ''), outboxFile: null };
  }

  async sendWithSystemSender(message: OutgoingMessage): Promise<DeliveryResult> {
    const info = await this.mailerService.sendMail({
      from: this.configurationService.get('mailDefaultFrom'),
      ...this.toMailOptions(message),
    });

    if (!this.usesOutbox) {
      return { messageId: String(info.messageId ?? ''), outboxFile: null };
    }

    return { messageId: String(info.messageId ?? ''), outboxFile: await this.writeToOutbox(info.message as Buffer) };
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
        transporter.sendMail({ from: { name: settings.fromName, address: settings.fromAddress }, ...this.toMailOptions(message) }),
        timeout,
      ]);

      return { messageId: String(info.messageId ?? ''), outboxFile: null };
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
