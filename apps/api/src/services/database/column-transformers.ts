import { normalizeAmount } from '@solleciti/util';
import { ValueTransformer } from 'typeorm';

/**
 * Keeps DECIMAL columns as two-decimal strings in the application. MySQL returns DECIMAL as a
 * string already; SQLite has no decimal type and returns a number, which toFixed(2) turns back
 * into the exact two-decimal value it was stored from.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : normalizeAmount(value)),
  from: (value: string | number | null) => {
    if (value == null) {
      return null;
    }

    return normalizeAmount(typeof value === 'number' ? value.toFixed(2) : value);
  },
};

/** Booleans come back from MySQL as 0/1 and from SQLite as 0/1 too. */
export const booleanTransformer: ValueTransformer = {
  to: (value: boolean | undefined) => value,
  from: (value: boolean | number | null) => value === true || value === 1,
};
