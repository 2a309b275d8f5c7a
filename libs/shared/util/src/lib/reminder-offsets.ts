/**
 * Days from an installment's due date on which a reminder may be sent, as offered by the
 * "Giorni" dropdown: negative values are before the due date, 0 is the due date itself.
 */
export const ALLOWED_REMINDER_OFFSETS: readonly number[] = [
  -30, -15, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90,
];

export const MAX_REMINDER_LEVELS = 3;
export const MAX_CATCH_UP_DAYS = 7;
export const DEFAULT_CATCH_UP_DAYS = 3;
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-3, 0, 7];

/**
 * Returns the reasons a list of offsets is not acceptable, or an empty list when it is:
 * one to three values from ALLOWED_REMINDER_OFFSETS, strictly increasing.
 */
export function validateReminderOffsets(offsets: readonly number[]): string[] {
  const problems: string[] = [];

  if (offsets.length < 1 || offsets.length > MAX_REMINDER_LEVELS) {
    problems.push(`offsets must contain 1 to ${MAX_REMINDER_LEVELS} values, got ${offsets.length}`);
  }

  offsets.forEach((offset, index) => {
    if (!ALLOWED_REMINDER_OFFSETS.includes(offset)) {
      problems.push(
        `offsets[${index}] = ${offset} is not allowed; use one of ${ALLOWED_REMINDER_OFFSETS.join(', ')}`,
      );
    }
    if (index > 0 && offset <= offsets[index - 1]) {
      problems.push(
        `offsets[${index}] = ${offset} must be later than offsets[${index - 1}] = ${offsets[index - 1]}`,
      );
    }
  });

  return problems;
}
