import { Global, Injectable, Module } from '@nestjs/common';
import { PlainDate, todayInTimeZone } from '@solleciti/util';

import { ConfigurationService } from '../configuration/configuration.service';

/** The product's notion of "now" and "today", in REMINDER_TIME_ZONE; tests replace `now`. */
@Injectable()
export class ClockService {
  constructor(private readonly configurationService: ConfigurationService) {}

  now(): Date {
    return new Date();
  }

  /** Today's calendar date in the reminder time zone (Europe/Rome by default), never the server's UTC date. */
  today(): PlainDate {
    return todayInTimeZone(this.configurationService.get('reminderTimeZone'), this.now());
  }
}

@Global()
@Module({ providers: [ClockService], exports: [ClockService] })
export class ClockModule {}
