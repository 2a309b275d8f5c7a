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
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  reason: string | null;
  recipientCount: number;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}
