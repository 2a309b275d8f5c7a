/**
 * TipoDocumento codes that never get a payment reminder: credit notes (TD04, TD08) and the
 * self-invoicing and integration documents (TD16-TD23, TD27-TD29), which the seller issues to
 * itself for VAT purposes and which nobody pays.
 */
export const NON_REMINDED_DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  'TD04', 'TD08',
  'TD16', 'TD17', 'TD18', 'TD19', 'TD20', 'TD21', 'TD22', 'TD23',
  'TD27', 'TD28', 'TD29',
]);

export type NoReminderReason = 'document-type' | 'no-due-date' | 'no-amount-due';

/** Returns why an installment never gets a reminder, or null when it may get one. */
export function noReminderReason(
  documentType: string,
  dueDate: string | null,
  amountDueCents: number,
): NoReminderReason | null {
  if (NON_REMINDED_DOCUMENT_TYPES.has(documentType)) {
    return 'document-type';
  }
  if (dueDate === null) {
    return 'no-due-date';
  }
  if (amountDueCents <= 0) {
    return 'no-amount-due';
  }

  return null;
}
