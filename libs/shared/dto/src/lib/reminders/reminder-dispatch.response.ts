/**
 * sending and submitting: on its way now; retry: a temporary failure, tried again at nextAttemptAt;
 * uncertain: the process stopped while the server was receiving it, so it may have arrived and is
 * not sent again.
 */
export const REMINDER_DISPATCH_STATUSES = ['sending', 'submitting', 'sent', 'retry', 'failed', 'uncertain', 'skipped'] as const;

export type ReminderDispatchStatus = (typeof REMINDER_DISPATCH_STATUSES)[number];

/** A recipient that the SMTP server rejected, with its reply. */
export interface RecipientErrorResponse {
  recipient: string;
  response: string;
  responseCode: number | null;
}

export interface ReminderDispatchResponse {
  id: number;
  companyId: number;
  clientId: number;
  clientName: string;
  invoiceId: number;
  invoiceNumber: string;
  installmentId: number;
  installmentPosition: number;
  level: number;
  dueDate: string;
  sendDay: string;
  processedDay: string;
  status: ReminderDispatchStatus;
  reason: string | null;
  recipientCount: number;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  messageId: string | null;
  /** Refused recipients: all of them for a failed reminder, some for a sent one. */
  recipientErrors: RecipientErrorResponse[];
}

/** Counts for the admin's front page: what needs a person's attention. */
export interface ReminderAttentionResponse {
  /** Reminders failed for good (refused by the server, or retries used up) in the last 30 days. */
  failed: number;
  /** Reminders sent while the server refused some of their recipients, in the last 30 days. */
  partlyRefused: number;
  /** Reminders waiting for another attempt after a temporary failure. */
  retrying: number;
  /** Reminders whose delivery is unknown because the process stopped while submitting them. */
  uncertain: number;
}
