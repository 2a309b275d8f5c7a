import { registerLocaleData } from '@angular/common';
import localeIt from '@angular/common/locales/it';

/** Locale of the default build, whose texts are the Italian source messages. */
export const ITALIAN_LOCALE_ID = 'it-IT';

registerLocaleData(localeIt, ITALIAN_LOCALE_ID);

/**
 * Returns the value for `LOCALE_ID`: 'it-IT' in the default build, or the
 * locale that a localized build (for example `build:en`) inlined into
 * `$localize.locale`, whose locale data the Angular builder bundles.
 */
export function resolveLocaleId(): string {
  const inlinedLocale = $localize.locale;
  if (inlinedLocale && !inlinedLocale.startsWith('it')) {
    return inlinedLocale;
  }
  return ITALIAN_LOCALE_ID;
}
