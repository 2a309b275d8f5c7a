/** A reminder that the sweep of a future day would send or skip, computed by a dry run of the sweep. */
export interface UpcomingReminderResponse {
  installmentId: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  /** 1-based reminder number. */
  level: number;
  /** The installment's due date. */
  dueDate: string;
  /** 'due' when the e-mail would go out, 'skipped' when the sweep would record a skip with a reason. */
  status: 'due' | 'skipped';
  /** Reason for the skip (missed, no-email, excluded), or null when due. */
  reason: string | null;
  /** Number of addresses the e-mail would go to, or 0 when skipped. */
  recipientCount: number;
}

export interface UpcomingRemindersResponse {
  /** The sweep day, YYYY-MM-DD. */
  date: string;
  /** False when the company's reminders are off, in which case items is always empty. */
  remindersEnabled: boolean;
  items: UpcomingReminderResponse[];
  /** Number of items with status 'due': the e-mails that would go out. */
  due: number;
}

export interface ReminderCalendarResponse {
  from: string;
  to: string;
  remindersEnabled: boolean;
  /** One entry per day from `from` to `to`, in order, including days with no items. */
  days: Array<{ date: string; items: UpcomingReminderResponse[]; due: number }>;
}
