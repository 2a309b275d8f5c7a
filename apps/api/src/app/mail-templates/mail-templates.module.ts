import { Module } from '@nestjs/common';

import { CompaniesModule } from '../companies/companies.module';
import { ReminderSettingsModule } from '../reminder-settings/reminder-settings.module';
import { RemindersModule } from '../reminders/reminders.module';
import { MailTemplatesController } from './mail-templates.controller';
import { MailTemplatesService } from './mail-templates.service';

@Module({
  imports: [CompaniesModule, ReminderSettingsModule, RemindersModule],
  controllers: [MailTemplatesController],
  providers: [MailTemplatesService],
})
export class MailTemplatesModule {}
