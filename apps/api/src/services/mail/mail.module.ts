import { MailerModule } from '@nestjs-modules/mailer';
import { Module } from '@nestjs/common';

import { ConfigurationService } from '../configuration/configuration.service';
import { MailDeliveryService } from './mail-delivery.service';
import { submissionGatePlugin } from './submission-gate';

@Module({
  imports: [
    MailerModule.forRootAsync({
      inject: [ConfigurationService],
      useFactory: (configurationService: ConfigurationService) => {
        const smtpUrl = configurationService.get('smtpUrl');

        return {
          // Without SMTP_URL, nodemailer's stream transport returns the raw message, which the
          // delivery service writes to the outbox folder.
          transport: smtpUrl
            ? { url: smtpUrl, pool: true, maxConnections: 2, maxMessages: Infinity }
            : { streamTransport: true, buffer: true, newline: 'unix' },
          verifyTransporters: false,
          plugins: [{ step: 'stream', plugin: submissionGatePlugin }],
        };
      },
    }),
  ],
  providers: [MailDeliveryService],
  exports: [MailDeliveryService],
})
export class MailModule {}
