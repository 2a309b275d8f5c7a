/**
 * Reminder statuses after which a level counts as sent, so it is not sent again for a later due
 * date: it went out, is on its way (a retry included), or may have arrived (uncertain).
 */
export const IN_FLIGHT_OR_SENT_STATUSES: readonly string[] = ['sent', 'sending', 'submitting', 'retry', 'uncertain'];

/**
 * Skip reasons that the sweep evaluates again while the reminder is inside its catch-up window:
 * once the client gets an address, is no longer excluded or owes the installment again, it goes out.
 */
export const PROVISIONAL_SKIP_REASONS: readonly string[] = ['no-email', 'excluded', 'paid'];
