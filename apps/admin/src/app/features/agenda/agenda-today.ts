import { InjectionToken } from '@angular/core';
import { todayInTimeZone } from '@solleciti/util';

/** Function returning today's date (YYYY-MM-DD) in Rome, where the nightly sweep runs. Tests provide a fixed day. */
export const AGENDA_TODAY = new InjectionToken<() => string>('AGENDA_TODAY', {
  factory: () => () => todayInTimeZone('Europe/Rome'),
});
