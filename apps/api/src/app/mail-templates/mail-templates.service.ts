import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MailTemplatePreviewResponse,
  MailTemplateResponse,
  PreviewMailTemplateDto,
  ReminderPlaceholderResponse,
  UpdateMailTemplateDto,
} from '@solleciti/dto';
import { addDays } from '@solleciti/util';
import { DataSource } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { isUniqueViolation } from '../../services/database/unique-violation';
import {
  defaultReminderTemplate,
  REMINDER_PLACEHOLDERS,
  ReminderMessageData,
  ReminderTemplate,
  ReminderTemplateError,
  renderReminderMessage,
  sampleReminderMessageData,
  validateReminderTemplate,
} from '../../services/mail/templates/reminder-message';
import { CompaniesService } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { MailTemplateEntity } from '../mail-settings/mail-template.entity';
import { ReminderSettingsService } from '../reminder-settings/reminder-settings.service';
import { buildReminderMessageData, companyMessageData } from '../reminders/reminder-message-data';
import { ReminderRepository } from '../reminders/reminder.repository';

export type TemplateLanguage = 'it' | 'en';

const LEVELS = [1, 2, 3] as const;
const LANGUAGES: readonly TemplateLanguage[] = ['it', 'en'];

/**
 * The company's own reminder texts, one per level and language. A level and language without a
 * stored template uses the default text. The sweep uses these texts only for companies that send
 * through their own SMTP server.
 */
@Injectable()
export class MailTemplatesService {
  private readonly logger = new Logger(MailTemplatesService.name);

  constructor(
    private readonly clockService: ClockService,
    private readonly companiesService: CompaniesService,
    private readonly reminderRepository: ReminderRepository,
    private readonly reminderSettingsService: ReminderSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Lists the six templates (levels 1 to 3, Italian and English), stored or default. */
  async list(companyId: number): Promise<MailTemplateResponse[]> {
    await this.companiesService.findOne(companyId);
    const stored = await this.dataSource.getRepository(MailTemplateEntity).find({ where: { companyId } });

    return LEVELS.flatMap((level) =>
      LANGUAGES.map((language) =>
        toResponse(level, language, stored.find((row) => row.level === level && row.language === language) ?? null),
      ),
    );
  }

  /** Validates and stores the company's template for a level and language, replacing any earlier one. */
  async update(companyId: number, level: number, language: string, dto: UpdateMailTemplateDto): Promise<MailTemplateResponse> {
    const key = checkTemplateKey(level, language);
    await this.companiesService.findOne(companyId);
    assertValidTemplate(dto);

    const repository = this.dataSource.getRepository(MailTemplateEntity);
    const where = { companyId, level: key.level, language: key.language };
    const values = { subject: dto.subject, body: dto.body };
    const existing = await repository.findOne({ where });
    if (existing) {
      await repository.update({ id: existing.id }, values);
    } else {
      try {
        await repository.insert({ ...where, ...values });
      } catch (error) {
        // Another request stored the same level and language first, and this later text replaces it.
        if (!isUniqueViolation(error)) {
          throw error;
        }
        await repository.update(where, values);
      }
    }
    this.logger.log(`Mail template ${key.level} (${key.language}) of company '${companyId}' has been saved.`);

    return toResponse(key.level, key.language, await repository.findOne({ where }));
  }

  /** Deletes the company's template for a level and language, so that the default text applies again. */
  async restoreDefault(companyId: number, level: number, language: string): Promise<void> {
    const key = checkTemplateKey(level, language);
    await this.companiesService.findOne(companyId);
    const result = await this.dataSource
      .getRepository(MailTemplateEntity)
      .delete({ companyId, level: key.level, language: key.language });
    if (result.affected) {
      this.logger.log(`Mail template ${key.level} (${key.language}) of company '${companyId}' has been reset to the default.`);
    }
  }

  /**
   * Renders an unsaved template with the company's earliest open installment that can get
   * reminders, as the sweep would on the day this level is scheduled. Without such an installment
   * it renders invented data with the company's own details.
   */
  async preview(companyId: number, dto: PreviewMailTemplateDto): Promise<MailTemplatePreviewResponse> {
    assertValidTemplate(dto);
    const company = await this.companiesService.findOne(companyId);
    const candidate = await this.reminderRepository.findEarliestOpenCandidate(companyId);

    let data: ReminderMessageData;
    if (candidate) {
      const settings = await this.reminderSettingsService.get(companyId);
      const offset = settings.offsets[dto.level - 1];
      const installmentCount = (await this.reminderRepository.countInstallments([candidate.invoiceId])).get(candidate.invoiceId) ?? 1;
      data = buildReminderMessageData({
        candidate,
        company,
        settings,
        language: dto.language,
        level: dto.level,
        // The day this level is scheduled for, or today when the settings have fewer levels.
        day: offset === undefined ? this.clockService.today() : addDays(candidate.dueDate, offset),
        installmentCount,
        // As on the day this level goes out, when the earlier levels have normally been sent.
        previousReminders: dto.level - 1,
      });
    } else {
      data = withCompany(sampleReminderMessageData(dto.language, dto.level), company);
    }

    const rendered = render(dto, data);

    return {
      ...rendered,
      source: candidate ? 'installment' : 'sample',
      installmentId: candidate?.installmentId ?? null,
      invoiceNumber: candidate?.invoiceNumber ?? null,
    };
  }

  placeholders(): ReminderPlaceholderResponse[] {
    return REMINDER_PLACEHOLDERS.map((placeholder) => ({ name: placeholder.name, description: { ...placeholder.description } }));
  }
}

function checkTemplateKey(level: number, language: string): { level: number; language: TemplateLanguage } {
  if (!LEVELS.includes(level as (typeof LEVELS)[number])) {
    throw new BadRequestException(`level must be 1, 2 or 3, got ${level}`);
  }
  if (!LANGUAGES.includes(language as TemplateLanguage)) {
    throw new BadRequestException(`language must be "it" or "en", got "${language}"`);
  }

  return { level, language: language as TemplateLanguage };
}

/** Throws a 400 whose message lists every problem of the template, each naming the field. */
function assertValidTemplate(template: ReminderTemplate): void {
  const problems = validateReminderTemplate({ subject: template.subject, body: template.body });
  if (problems.length > 0) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
  }
}

function render(template: ReminderTemplate, data: ReminderMessageData): { subject: string; text: string; html: string } {
  try {
    return renderReminderMessage({ subject: template.subject, body: template.body }, data);
  } catch (error) {
    if (error instanceof ReminderTemplateError) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.problems });
    }
    throw error;
  }
}

function withCompany(data: ReminderMessageData, company: CompanyEntity): ReminderMessageData {
  const own = companyMessageData(company);

  return { ...data, company: own, installment: { ...data.installment, iban: own.iban ?? data.installment.iban } };
}

function toResponse(level: number, language: TemplateLanguage, stored: MailTemplateEntity | null): MailTemplateResponse {
  const fallback = defaultReminderTemplate(language, level);
  const subject = stored?.subject ?? fallback.subject;
  const body = stored?.body ?? fallback.body;

  return { level, language, subject, body, isDefault: subject === fallback.subject && body === fallback.body };
}
