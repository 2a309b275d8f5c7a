import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

import { MailDeliveryService } from '../../services/mail/mail-delivery.service';

// Health probes come every few seconds; the SMTP server is asked at most this often.
const CACHE_MS = 15_000;
const TIMEOUT_MS = 5_000;

/**
 * Reports whether the system sender (SMTP_URL) accepts a connection and a login. Without
 * SMTP_URL, e-mails go to the outbox folder, which counts as up.
 */
@Injectable()
export class SmtpHealthIndicator {
  private cached: { at: number; error: string | null } | null = null;

  constructor(
    private readonly healthIndicatorService: HealthIndicatorService,
    private readonly mailDeliveryService: MailDeliveryService,
  ) {}

  async check<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.healthIndicatorService.check(key);
    if (this.mailDeliveryService.usesOutbox) {
      return indicator.up({ transport: 'outbox' });
    }

    if (this.cached === null || Date.now() - this.cached.at > CACHE_MS) {
      const error = await this.mailDeliveryService.verifySystemTransport(TIMEOUT_MS).then(
        () => null,
        (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
      );
      this.cached = { at: Date.now(), error };
    }

    return this.cached.error === null
      ? indicator.up({ transport: 'smtp' })
      : indicator.down({ transport: 'smtp', message: this.cached.error });
  }
}
