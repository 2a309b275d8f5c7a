import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ClockModule } from '../services/clock/clock.service';
import { ConfigurationModule } from '../services/configuration/configuration.module';
import { ConfigurationService } from '../services/configuration/configuration.service';
import { DatabaseModule } from '../services/database/database.module';
import { SecretsKeyModule } from '../services/security/secrets-key.service';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { ClientsModule } from './clients/clients.module';
import { CompaniesModule } from './companies/companies.module';
import { HealthModule } from './health/health.module';
import { InvoicesModule } from './invoices/invoices.module';
import { MailSettingsModule } from './mail-settings/mail-settings.module';
import { MailTemplatesModule } from './mail-templates/mail-templates.module';
import { ReminderSchedulerModule } from './reminders/reminder-scheduler.module';
import { ReminderSettingsModule } from './reminder-settings/reminder-settings.module';
import { RemindersModule } from './reminders/reminders.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  /** The server runs the nightly sweep and serves the admin; the CLI does neither. */
  server: boolean;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const imports = [
      ConfigurationModule,
      SecretsKeyModule,
      ClockModule,
      DatabaseModule,
      ApiKeysModule,
      AuthModule,
      ClientsModule,
      CompaniesModule,
      HealthModule,
      InvoicesModule,
      MailSettingsModule,
      MailTemplatesModule,
      ReminderSettingsModule,
      RemindersModule,
      UsersModule,
    ];

    if (!options.server) {
      return { module: AppModule, imports };
    }

    return {
      module: AppModule,
      imports: [
        ...imports,
        ReminderSchedulerModule,
        ServeStaticModule.forRootAsync({
          imports: [ConfigurationModule],
          inject: [ConfigurationService],
          useFactory: (configurationService: ConfigurationService) => {
            const rootPath = configurationService.get('adminDistDir') ?? resolveAdminDist();
            const englishRootPath = join(rootPath, '..', '..', 'admin-en', 'browser', 'en');
            const roots = [];

            // The English build, when it exists, is served under /en and the Italian one everywhere else.
            if (existsSync(englishRootPath)) {
              roots.push({ rootPath: englishRootPath, serveRoot: '/en', exclude: ['/api/{*path}'] });
            }
            if (existsSync(rootPath)) {
              roots.push({ rootPath, exclude: ['/api/{*path}', '/en/{*path}'] });
            }

            return roots;
          },
        }),
      ],
    };
  }
}

/** Returns the folder of the built admin, dist/apps/admin/browser, which sits next to dist/apps/api. */
function resolveAdminDist(): string {
  return join(__dirname, '..', 'admin', 'browser');
}
