import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailSettingsResponse, UpdateMailSettingsDto } from '@solleciti/dto';
import { DataSource } from 'typeorm';

import { defaultReminderTemplate, ReminderTemplate } from '../../services/mail/templates/reminder-message';
import { MailSettingsEntity } from './mail-settings.entity';
import { MailTemplateEntity } from './mail-template.entity';

@Injectable()
export class MailSettingsService {
  private readonly logger = new Logger(MailSettingsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
