import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { MailModule } from '../../services/mail/mail.module';
import { HealthController } from './health.controller';
import { SmtpHealthIndicator } from './smtp-health.indicator';

@Module({
  imports: [MailModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [SmtpHealthIndicator],
})
export class HealthModule {}
