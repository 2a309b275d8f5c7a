import { InstallmentStatus } from './invoice.response';

/** An installment in the due-date calendar, with what the calendar shows of its invoice and client. */
export interface InstallmentCalendarItemResponse {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  /** 1-based position among the invoice's installments. */
  position: number;
  /** Number of installments of the invoice. */
  count: number;
  dueDate: string;
  amountDue: string;
  amountPaid: string;
  residual: string;
  paidOn: string | null;
  status: InstallmentStatus;
  /** Reason that no reminder is ever sent for this installment (document-type, no-amount-due), or null. */
  noReminderReason: string | null;
}

export interface InstallmentCalendarResponse {
  from: string;
  to: string;
  /** Ordered by due date, then by installment id. */
  items: InstallmentCalendarItemResponse[];
}
