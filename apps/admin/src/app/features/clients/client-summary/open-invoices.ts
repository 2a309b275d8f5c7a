import type { InstallmentResponse, InvoiceDetailResponse, InvoiceSummaryResponse } from '@solleciti/dto';

/** An invoice of the client with money still due, and its next installment to pay. */
export interface OpenInvoiceRow {
  invoice: InvoiceSummaryResponse;
  /** Due date of the earliest unpaid installment, or null when no installment has a due date. */
  nextDueDate: string | null;
  /** True when an unpaid installment is past its due date. */
  overdue: boolean;
}

/** True for a decimal string above zero, such as "0.01"; "0.00", "-5.00" and "" are false. */
export function isPositiveAmount(amount: string): boolean {
  return /^\+?[0-9]*\.?[0-9]*$/.test(amount.trim()) && /[1-9]/.test(amount);
}

/** Builds the row of an open invoice from its detail, which lists the installments. */
export function openInvoiceRow(detail: InvoiceDetailResponse): OpenInvoiceRow {
  const unpaid = detail.installments.filter(
    (installment: InstallmentResponse) => installment.status !== 'paid' && isPositiveAmount(installment.residual),
  );
  const dueDates = unpaid
    .map((installment) => installment.dueDate)
    .filter((dueDate): dueDate is string => dueDate !== null)
    .sort();

  return {
    invoice: detail,
    nextDueDate: dueDates[0] ?? null,
    overdue: unpaid.some((installment) => installment.status === 'overdue'),
  };
}
