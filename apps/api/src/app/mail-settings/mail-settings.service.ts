import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailSettingsResponse, SendTestMailDto, TestMailResponse, UpdateMailSettingsDto } from '@solleciti/dto';
import { DataSource } from 'typeorm';

import { MailDeliveryService, SmtpServerSettings } from '../../services/mail/mail-delivery.service';

import { defaultReminderTemplate, ReminderTemplate } from '../../services/mail/templates/reminder-message';
import { MailSettingsEntity } from './mail-settings.entity';
import { MailTemplateEntity } from './mail-template.entity';

/** Maximum time for a test e-mail, from connecting to the server's reply to the message. */
export const TEST_MAIL_TIMEOUT_MS = 15_000;

@Injectable()
export class MailSettingsService {
  private readonly logger = new Logger(MailSettingsService.name);

  constructor(
    private readonly mailDeliveryService: MailDeliveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Returns the company's SMTP settings with the password, or null when none are configured. */
  findWithPassword(companyId: number): Promise<MailSettingsEntity | null> {
    return this.dataSource
      .getRepository(MailSettingsEntity)
      .createQueryBuilder('settings')
      .addSelect('settings.password')
      .where('settings.companyId = :companyId', { companyId })
      .getOne();
  }

  async get(companyId: number): Promise<MailSettingsResponse> {
    return mapMailSettings(companyId, await this.findWithPassword(companyId));
  }

  /**
   * Saves the company's SMTP server. The first save also stores the default texts as the
   * company's own templates, which the company can then change.
   */
  async update(companyId: number, dto: UpdateMailSettingsDto): Promise<MailSettingsResponse> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(MailSettingsEntity);
      const existing = await repository
        .createQueryBuilder('settings')
        .addSelect('settings.password')
        .where('settings.companyId = :companyId', { companyId })
        .getOne();

      await repository.save({
        companyId,
        host: dto.host,
        port: dto.port,
        security: dto.security,
        username: dto.username ?? null,
        password: dto.password !== undefined ? dto.password : (existing?.password ?? null),
        fromName: dto.fromName,
        fromAddress: dto.fromAddress,
      });

      const templates = manager.getRepository(MailTemplateEntity);
      if ((await templates.count({ where: { companyId } })) === 0) {
        const rows = [1, 2, 3].flatMap((level) =>
          (['it', 'en'] as const).map((language) => ({ companyId, level, language, ...defaultReminderTemplate(language, level) })),
        );
        await templates.insert(rows);
      }
    });
    this.logger.log(`Mail settings of company '${companyId}' have been saved.`);

    return this.get(companyId);
  }

  async remove(companyId: number): Promise<void> {
    await this.dataSource.getRepository(MailSettingsEntity).delete({ companyId });
    this.logger.log(`Mail settings of company '${companyId}' have been removed; reminders use the system sender.`);
  }

  /**
   * Sends a short test e-mail through the given SMTP settings, or the saved ones, and returns the
   * server's reply. A failure is a result, not an error, so that the admin can show it.
   */
  async sendTest(companyId: number, dto: SendTestMailDto): Promise<TestMailResponse> {
    const saved = await this.findWithPassword(companyId);
    let settings: SmtpServerSettings;
    if (dto.settings) {
      settings = {
        ...dto.settings,
        username: dto.settings.username ?? null,
        password: dto.settings.password !== undefined ? dto.settings.password : (saved?.password ?? null),
      };
    } else if (saved) {
      settings = saved;
    } else {
      throw new BadRequestException(
        `settings is missing and company '${companyId}' has no saved mail settings; send the SMTP settings to test`,
      );
    }

    const server = `${settings.host}:${settings.port}`;
    try {
      const result = await this.mailDeliveryService.sendTestMessage(
        settings,
        { to: [dto.to], subject: TEST_MAIL_SUBJECT, text: TEST_MAIL_TEXT, html: TEST_MAIL_HTML },
        TEST_MAIL_TIMEOUT_MS,
      );
      this.logger.log(`Test e-mail of company '${companyId}' has been sent through '${server}'.`);

      return { ok: true, messageId: result.messageId };
    } catch (error) {
      const failure = describeSmtpFailure(error);
      this.logger.warn(`Test e-mail of company '${companyId}' through '${server}' has failed (${failure.code}).`);

      return failure;
    }
  }

  /** Returns the company's own template for a level and language, or null to use the default. */
  async findTemplate(companyId: number, level: number, language: 'it' | 'en'): Promise<ReminderTemplate | null> {
    const template = await this.dataSource.getRepository(MailTemplateEntity).findOne({ where: { companyId, level, language } });

    return template ? { subject: template.subject, body: template.body } : null;
  }
}

function mapMailSettings(companyId: number, settings: MailSettingsEntity | null): MailSettingsResponse {
  return {
    companyId,
    configured: settings !== null,
    host: settings?.host ?? null,
    port: settings?.port ?? null,
    security: settings?.security ?? null,
    username: settings?.username ?? null,
    passwordSet: Boolean(settings?.password),
    fromName: settings?.fromName ?? null,
    fromAddress: settings?.fromAddress ?? null,
  };
}

const TEST_MAIL_SUBJECT = 'Solleciti: e-mail di prova';
const TEST_MAIL_TEXT = [
  'Questa è un’e-mail di prova inviata da Solleciti.',
  '',
  'Se la state leggendo, il server SMTP configurato funziona e i solleciti di pagamento partiranno da questo indirizzo.',
].join('\n');
const TEST_MAIL_HTML = `<p>${TEST_MAIL_TEXT.split('\n\n').join('</p><p>')}</p>`;

/** Turns a nodemailer or network error into the failed TestMailResponse. */
function describeSmtpFailure(error: unknown): Extract<TestMailResponse, { ok: false }> {
  const details = (error ?? {}) as { code?: unknown; originalCode?: unknown; response?: unknown; responseCode?: unknown };
  const nodemailerCode = typeof details.code === 'string' ? details.code : null;
  const systemCode = typeof details.originalCode === 'string' ? details.originalCode : null;

  return {
    ok: false,
    code: systemCode ?? nodemailerCode ?? 'ERROR',
    nodemailerCode,
    response: typeof details.response === 'string' ? details.response : null,
    responseCode: typeof details.responseCode === 'number' ? details.responseCode : null,
    message: error instanceof Error ? error.message : String(error),
  };
}
