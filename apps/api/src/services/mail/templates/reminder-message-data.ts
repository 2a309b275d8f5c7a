/** Data of the reminder e-mail for one installment. Dates are YYYY-MM-DD, amounts decimal strings. */
export interface ReminderMessageData {
  language: 'it' | 'en';
  /** Reminder number, 1..3. */
  level: number;
  /** Number of configured reminders. */
  levelCount: number;
  company: {
    name: string;
    vatNumber: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    iban: string | null;
  };
  client: { displayName: string };
  invoice: {
    number: string;
    date: string;
    /** TipoDocumento, TD01..TD29. */
    documentType: string;
    currency: string;
  };
  installment: {
    position: number;
    count: number;
    dueDate: string;
    amountDue: string;
    amountPaid: string;
    residual: string;
    /** ModalitaPagamento, MP01..MP23. */
    paymentMethod: string;
    iban: string | null;
  };
  /** Today minus the due date in days: negative before the due date, 0 on it, positive when overdue. */
  daysFromDueDate: number;
  courtesyCopyAttached: boolean;
  /** Reminders of this installment already sent; the first one sent may be a later level after missed days. */
  previousReminders: number;
}

/** Handlebars sources of one reminder e-mail, which users may edit. */
export interface ReminderTemplate {
  subject: string;
  body: string;
}
