import { daysBetween, PlainDate, subtractAmounts } from '@solleciti/util';

import { ReminderMessageData } from '../../services/mail/templates/reminder-message';
import { CompanyEntity } from '../companies/company.entity';
import { ReminderSettingsEntity } from '../reminder-settings/reminder-settings.entity';
import { ReminderCandidate } from './reminder.repository';

export interface ReminderMessageDataInput {
  candidate: ReminderCandidate;
  company: CompanyEntity;
  settings: Pick<ReminderSettingsEntity, 'offsets' | 'attachCourtesyCopy'>;
  language: 'it' | 'en';
  level: number;
  /** The day the reminder is sent, which sets the days before or after the due date. */
  day: PlainDate;
  /** Number of installments of the invoice. */
  installmentCount: number;
  /** Reminders of this installment already sent. */
  previousReminders: number;
}

/**
 * Builds the placeholder data of one reminder e-mail. The sweep and the template preview both
 * call it, so a preview shows what the sweep would send for the same installment and day.
 */
export function buildReminderMessageData(input: ReminderMessageDataInput): ReminderMessageData {
  const { candidate, company, settings } = input;

  return {
    language: input.language,
    level: input.level,
    levelCount: settings.offsets.length,
    company: companyMessageData(company),
    client: { displayName: candidate.clientName },
    invoice: {
      number: candidate.invoiceNumber,
      date: candidate.invoiceDate,
      documentType: candidate.documentType,
      currency: candidate.currency,
    },
    installment: {
      position: candidate.position,
      count: input.installmentCount,
      dueDate: candidate.dueDate,
      amountDue: candidate.amountDue,
      amountPaid: candidate.amountPaid,
      residual: subtractAmounts(candidate.amountDue, candidate.amountPaid),
      paymentMethod: candidate.paymentMethod,
      iban: candidate.iban ?? company.iban,
    },
    daysFromDueDate: daysBetween(candidate.dueDate, input.day),
    courtesyCopyAttached: settings.attachCourtesyCopy,
    previousReminders: input.previousReminders,
  };
}

/** Returns the sender company's part of the reminder data. */
export function companyMessageData(company: CompanyEntity): ReminderMessageData['company'] {
  return {
    name: company.name,
    vatNumber: `${company.vatCountry}${company.vatCode}`,
    email: company.email,
    phone: company.phone,
    address: formatAddress(company),
    iban: company.iban,
  };
}

/** Formats the company's address on one line: "Via dei Mille 12, 40121 Bologna (BO)". */
function formatAddress(company: CompanyEntity): string | null {
  const street = [company.street, company.streetNumber].filter(Boolean).join(' ');
  const city = [company.postalCode, company.city, company.province ? `(${company.province})` : null].filter(Boolean).join(' ');
  const address = [street, city].filter(Boolean).join(', ');

  return address || null;
}
