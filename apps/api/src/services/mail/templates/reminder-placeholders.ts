import { formatDateDdMmYyyy, formatMoney, toCents } from '@solleciti/util';
import { DOCUMENT_TYPE_LABELS } from '../../courtesy-copy/document-types';
import { formatIban, paymentMethodLabel } from '../../courtesy-copy/payment-methods';
import type { ReminderMessageData } from './reminder-message-data';

type Language = ReminderMessageData['language'];

/** Values that a reminder template can use, by placeholder name. */
export interface ReminderPlaceholderValues {
  clientName: string;
  companyName: string;
  documentName: string;
  invoiceNumber: string;
  invoiceDate: string;
  installmentPosition: number;
  installmentCount: number;
  multipleInstallments: boolean;
  dueDate: string;
  residualAmount: string;
  amountDue: string;
  amountPaid: string;
  partiallyPaid: boolean;
  daysBeforeDue: number;
  daysOverdue: number;
  overdue: boolean;
  dueTiming: string;
  paymentMethod: string;
  iban: string;
  companyEmail: string;
  companyPhone: string;
  companyContacts: string;
  companyVatNumber: string;
  companyAddress: string;
  courtesyCopyAttached: boolean;
  reminderLevel: number;
  reminderCount: number;
  lastReminder: boolean;
  previousReminders: number;
  hasPreviousReminders: boolean;
}

export type ReminderPlaceholderName = keyof ReminderPlaceholderValues;

export interface ReminderPlaceholder {
  name: ReminderPlaceholderName;
  description: { it: string; en: string };
}

/** Every placeholder a reminder template may use, with a description for the template editor. */
export const REMINDER_PLACEHOLDERS: ReadonlyArray<ReminderPlaceholder> = [
  { name: 'clientName', description: { it: 'Nome del cliente', en: 'Client name' } },
  { name: 'companyName', description: { it: 'Nome della vostra azienda', en: 'Your company name' } },
  {
    name: 'documentName',
    description: {
      it: 'Tipo di documento in minuscolo, ad esempio "fattura" o "parcella"',
      en: 'Document type in lower case, for example "invoice" or "fee note"',
    },
  },
  { name: 'invoiceNumber', description: { it: 'Numero della fattura', en: 'Invoice number' } },
  { name: 'invoiceDate', description: { it: 'Data della fattura (gg/mm/aaaa)', en: 'Invoice date (dd/mm/yyyy)' } },
  { name: 'installmentPosition', description: { it: 'Numero della rata, ad esempio 2', en: 'Installment number, for example 2' } },
  { name: 'installmentCount', description: { it: 'Numero totale di rate, ad esempio 3', en: 'Total number of installments, for example 3' } },
  {
    name: 'multipleInstallments',
    description: {
      it: 'Vero quando la fattura ha più di una rata, da usare con {{#if}}',
      en: 'True when the invoice has more than one installment, for use with {{#if}}',
    },
  },
  { name: 'dueDate', description: { it: 'Data di scadenza della rata (gg/mm/aaaa)', en: 'Installment due date (dd/mm/yyyy)' } },
  { name: 'residualAmount', description: { it: 'Importo ancora da pagare', en: 'Amount still to be paid' } },
  { name: 'amountDue', description: { it: 'Importo della rata', en: 'Installment amount' } },
  { name: 'amountPaid', description: { it: 'Importo già pagato', en: 'Amount already paid' } },
  {
    name: 'partiallyPaid',
    description: {
      it: 'Vero quando è già stato ricevuto un pagamento parziale, da usare con {{#if}}',
      en: 'True when a partial payment has been received, for use with {{#if}}',
    },
  },
  { name: 'daysBeforeDue', description: { it: 'Giorni mancanti alla scadenza (0 se scaduta)', en: 'Days left until the due date (0 once due)' } },
  { name: 'daysOverdue', description: { it: 'Giorni trascorsi dalla scadenza (0 se non scaduta)', en: 'Days since the due date (0 if not yet overdue)' } },
  {
    name: 'overdue',
    description: { it: 'Vero quando la scadenza è passata, da usare con {{#if}}', en: 'True once the due date has passed, for use with {{#if}}' },
  },
  {
    name: 'dueTiming',
    description: {
      it: 'Frase pronta sulla scadenza: "scade tra 3 giorni", "scade oggi", "è scaduta da 7 giorni"',
      en: 'Ready phrase about the due date: "is due in 3 days", "is due today", "is 7 days overdue"',
    },
  },
  { name: 'paymentMethod', description: { it: 'Modalità di pagamento, ad esempio "Bonifico"', en: 'Payment method, for example "Bank transfer"' } },
  { name: 'iban', description: { it: 'IBAN per il pagamento, vuoto se non noto', en: 'IBAN for the payment, empty when unknown' } },
  { name: 'companyEmail', description: { it: 'E-mail della vostra azienda', en: 'Your company e-mail address' } },
  { name: 'companyPhone', description: { it: 'Telefono della vostra azienda', en: 'Your company phone number' } },
  {
    name: 'companyContacts',
    description: { it: 'Telefono ed e-mail della vostra azienda su una riga', en: 'Your company phone and e-mail on one line' },
  },
  { name: 'companyVatNumber', description: { it: 'Partita IVA della vostra azienda', en: 'Your company VAT number' } },
  { name: 'companyAddress', description: { it: 'Indirizzo della vostra azienda', en: 'Your company address' } },
  {
    name: 'courtesyCopyAttached',
    description: {
      it: "Vero quando all'e-mail è allegata la copia di cortesia, da usare con {{#if}}",
      en: 'True when the courtesy copy is attached to the e-mail, for use with {{#if}}',
    },
  },
  { name: 'reminderLevel', description: { it: 'Numero del sollecito: 1, 2 o 3', en: 'Reminder number: 1, 2 or 3' } },
  { name: 'reminderCount', description: { it: 'Numero di solleciti configurati', en: 'Number of configured reminders' } },
  {
    name: 'previousReminders',
    description: { it: 'Solleciti già inviati per questa rata', en: 'Reminders already sent for this installment' },
  },
  {
    name: 'hasPreviousReminders',
    description: {
      it: 'Vero quando per questa rata è già partito almeno un sollecito, da usare con {{#if}}',
      en: 'True when at least one reminder was already sent for this installment, for use with {{#if}}',
    },
  },
  {
    name: 'lastReminder',
    description: {
      it: "Vero quando questo è l'ultimo sollecito configurato, da usare con {{#if}}",
      en: 'True when this is the last configured reminder, for use with {{#if}}',
    },
  },
];

export const REMINDER_PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(REMINDER_PLACEHOLDERS.map((placeholder) => placeholder.name));

/**
 * Replaces line breaks and other control characters by spaces. Every value from a client, a file
 * or the company settings goes through it, so no value can add lines to the text.
 */
export function toSingleLine(value: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return (value ?? '').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').trim();
}

/** Returns the phrase about the due date: "scade tra 3 giorni", "is 1 day overdue". */
export function dueTimingPhrase(daysFromDueDate: number, language: Language): string {
  const days = Math.abs(daysFromDueDate);
  if (language === 'it') {
    const unit = days === 1 ? 'giorno' : 'giorni';
    if (daysFromDueDate < 0) {
      return `scade tra ${days} ${unit}`;
    }

    return daysFromDueDate === 0 ? 'scade oggi' : `è scaduta da ${days} ${unit}`;
  }

  const unit = days === 1 ? 'day' : 'days';
  if (daysFromDueDate < 0) {
    return `is due in ${days} ${unit}`;
  }

  return daysFromDueDate === 0 ? 'is due today' : `is ${days} ${unit} overdue`;
}

/**
 * Returns the document type for use inside a sentence ("fattura", "invoice"). An unknown code
 * gives the generic "fattura" or "invoice" rather than a bare code.
 */
export function documentNameInSentence(documentType: string, language: Language): string {
  const labels = Object.prototype.hasOwnProperty.call(DOCUMENT_TYPE_LABELS, documentType) ? DOCUMENT_TYPE_LABELS[documentType] : undefined;
  let label = language === 'it' ? 'Fattura' : 'Invoice';
  if (labels) {
    label = labels[language];
  }

  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Joins the company phone and e-mail on one line: "Tel. 06 1234567 · E-mail: info@acme.it". */
function companyContactsLine(phone: string, email: string, language: Language): string {
  const parts: string[] = [];
  if (phone) {
    parts.push(language === 'it' ? `Tel. ${phone}` : `Phone: ${phone}`);
  }
  if (email) {
    parts.push(`E-mail: ${email}`);
  }

  return parts.join(' · ');
}

/** Computes the placeholder values of one reminder from the message data. */
export function buildReminderPlaceholderValues(data: ReminderMessageData): ReminderPlaceholderValues {
  const { language, installment, invoice, company } = data;
  const money = (value: string) => formatMoney(value, language, invoice.currency);
  const companyEmail = toSingleLine(company.email);
  const companyPhone = toSingleLine(company.phone);
  const iban = toSingleLine(installment.iban ?? company.iban);

  return {
    clientName: toSingleLine(data.client.displayName),
    companyName: toSingleLine(company.name),
    documentName: documentNameInSentence(invoice.documentType, language),
    invoiceNumber: toSingleLine(invoice.number),
    invoiceDate: formatDateDdMmYyyy(invoice.date),
    installmentPosition: installment.position,
    installmentCount: installment.count,
    multipleInstallments: installment.count > 1,
    dueDate: formatDateDdMmYyyy(installment.dueDate),
    residualAmount: money(installment.residual),
    amountDue: money(installment.amountDue),
    amountPaid: money(installment.amountPaid),
    partiallyPaid: toCents(installment.amountPaid) > 0,
    daysBeforeDue: Math.max(0, -data.daysFromDueDate),
    daysOverdue: Math.max(0, data.daysFromDueDate),
    overdue: data.daysFromDueDate > 0,
    dueTiming: dueTimingPhrase(data.daysFromDueDate, language),
    paymentMethod: toSingleLine(installment.paymentMethod ? paymentMethodLabel(installment.paymentMethod, language) : ''),
    iban: iban ? formatIban(iban) : '',
    companyEmail,
    companyPhone,
    companyContacts: companyContactsLine(companyPhone, companyEmail, language),
    companyVatNumber: toSingleLine(company.vatNumber),
    companyAddress: toSingleLine(company.address),
    courtesyCopyAttached: data.courtesyCopyAttached,
    reminderLevel: data.level,
    reminderCount: data.levelCount,
    lastReminder: data.level >= data.levelCount,
    previousReminders: data.previousReminders,
    hasPreviousReminders: data.previousReminders > 0,
  };
}
