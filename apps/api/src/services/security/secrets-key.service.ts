import { Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { ConfigurationService } from '../configuration/configuration.service';
import { setColumnCipherKey } from './column-cipher';

/**
 * Loads the key that encrypts secrets stored in the database (company SMTP passwords): SECRETS_KEY,
 * or else a random key kept in SECRETS_KEY_FILE, created on first start with owner-only access.
 */
@Injectable()
export class SecretsKeyService implements OnModuleInit {
  private readonly logger = new Logger(SecretsKeyService.name);

  constructor(private readonly configurationService: ConfigurationService) {}

  onModuleInit(): void {
    const secret = this.configurationService.get('secretsKey');
    if (secret !== null) {
      setColumnCipherKey(secret);

      return;
    }

    const path = this.configurationService.get('secretsKeyFile');
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      try {
        writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
        this.logger.warn(
          `SECRETS_KEY is not set: created a key file at '${path}'. Set SECRETS_KEY in production and keep it out of backups of the database.`,
        );
      } catch (error) {
        // Another process (the CLI next to the server) created it first; use that one.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw error;
        }
      }
    }
    setColumnCipherKey(readFileSync(path, 'utf8').trim());
  }
}

@Global()
@Module({ providers: [SecretsKeyService], exports: [SecretsKeyService] })
export class SecretsKeyModule {}
