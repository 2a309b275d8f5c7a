import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ReminderSettingsController } from './reminder-settings.controller';
import { ReminderSettingsEntity } from './reminder-settings.entity';
import { ReminderSettingsService } from './reminder-settings.service';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([ReminderSettingsEntity])],
  controllers: [ReminderSettingsController],
  providers: [ReminderSettingsService],
  exports: [ReminderSettingsService],
})
export class ReminderSettingsModule {}
