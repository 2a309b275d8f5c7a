import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ReminderSettingsResponse, UpdateReminderSettingsDto } from '@solleciti/dto';
import {
  ALLOWED_REMINDER_OFFSETS,
  DEFAULT_CATCH_UP_DAYS,
  DEFAULT_REMINDER_OFFSETS,
  MAX_CATCH_UP_DAYS,
  MAX_REMINDER_LEVELS,
} from '@solleciti/util';
import { Repository } from 'typeorm';

import { ReminderSettingsEntity } from './reminder-settings.entity';

@Injectable()
export class ReminderSettingsService {
  private readonly logger = new Logger(ReminderSettingsService.name);

  constructor(
    @InjectRepository(ReminderSettingsEntity) private readonly settings: Repository<ReminderSettingsEntity>,
  ) {}

  /** Returns the company's settings, or the defaults (reminders off) when none were saved. */
  async get(companyId: number): Promise<ReminderSettingsEntity> {
    const stored = await this.settings.findOne({ where: { companyId } });

    return (
      stored ??
      this.settings.create({
        companyId,
        enabled: false,
        attachCourtesyCopy: true,
        offsets: [...DEFAULT_REMINDER_OFFSETS],
        catchUpDays: DEFAULT_CATCH_UP_DAYS,
      })
    );
  }

  async update(companyId: number, dto: UpdateReminderSettingsDto): Promise<ReminderSettingsEntity> {
    const saved = await this.settings.save({ companyId, ...dto, offsets: [...dto.offsets] });
    this.logger.log(
      `Reminder settings of company '${companyId}' have been saved (enabled: ${dto.enabled}, offsets: ${dto.offsets.join(' ')}).`,
    );

    return saved;
  }

  /** Returns the settings of every company whose reminders are on. */
  findEnabled(): Promise<ReminderSettingsEntity[]> {
    return this.settings.find({ where: { enabled: true }, order: { companyId: 'ASC' } });
  }
}

export function mapReminderSettings(settings: ReminderSettingsEntity): ReminderSettingsResponse {
  return {
    companyId: settings.companyId,
    enabled: settings.enabled,
    attachCourtesyCopy: settings.attachCourtesyCopy,
    offsets: settings.offsets,
    catchUpDays: settings.catchUpDays,
    allowedOffsets: [...ALLOWED_REMINDER_OFFSETS],
    maxReminders: MAX_REMINDER_LEVELS,
    maxCatchUpDays: MAX_CATCH_UP_DAYS,
  };
}
