import { Module } from '@nestjs/common';

import { MailModule } from '../../services/mail/mail.module';
import { CompaniesModule } from '../companies/companies.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { MailSettingsModule } from '../mail-settings/mail-settings.module';
import { ReminderSettingsModule } from '../reminder-settings/reminder-settings.module';
import { ReminderRepository } from './reminder.repository';
import { ReminderSweepService } from './reminder-sweep.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { UpcomingRemindersService } from './upcoming-reminders.service';

@Module({
  imports: [CompaniesModule, InvoicesModule, MailModule, MailSettingsModule, ReminderSettingsModule],
  controllers: [RemindersController],
  providers: [ReminderRepository, ReminderSweepService, RemindersService, UpcomingRemindersService],
  exports: [ReminderRepository, ReminderSweepService],
})
export class RemindersModule {}
