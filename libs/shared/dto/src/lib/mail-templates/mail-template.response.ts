export interface MailTemplateResponse {
  /** Reminder number, 1 to 3. */
  level: number;
  language: 'it' | 'en';
  subject: string;
  body: string;
  /** True when the text is the default one: no stored template, or a stored copy left unchanged. */
  isDefault: boolean;
}

export interface MailTemplatePreviewResponse {
  subject: string;
  text: string;
  html: string;
  /** 'installment' when rendered with a real open installment of the company, 'sample' with invented data. */
  source: 'installment' | 'sample';
  /** The installment used, or null for sample data. */
  installmentId: number | null;
  /** The invoice number of that installment, or null for sample data. */
  invoiceNumber: string | null;
}

export interface ReminderPlaceholderResponse {
  name: string;
  description: { it: string; en: string };
}
