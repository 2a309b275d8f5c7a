import type { ReminderTemplate } from './reminder-message-data';

/*
 * Default reminder e-mails. Level 1 is a courteous reminder (promemoria), level 2 a request to
 * pay (sollecito), level 3 the final request (ultimo sollecito). Companies get copies of these
 * sources and may edit them, so they only use placeholders from REMINDER_PLACEHOLDERS and the
 * {{#if}} block. A block tag alone on its line leaves no empty line behind.
 */

const ITALIAN_REFERENCE =
  '{{documentName}} n. {{invoiceNumber}} del {{invoiceDate}}{{#if multipleInstallments}}, rata {{installmentPosition}} di {{installmentCount}}{{/if}} – {{companyName}}';

const ITALIAN_SUBJECT_OF_SENTENCE =
  '{{#if multipleInstallments}}la rata {{installmentPosition}} di {{installmentCount}} della {{documentName}}{{else}}la {{documentName}}{{/if}} n. {{invoiceNumber}} del {{invoiceDate}} (scadenza {{dueDate}})';

const ITALIAN_PAYMENT_DETAILS = `Importo da pagare: {{residualAmount}}
{{#if partiallyPaid}}
Abbiamo già ricevuto un pagamento parziale di {{amountPaid}} su {{amountDue}}: l'importo indicato è il residuo.
{{/if}}
{{#if paymentMethod}}
Modalità di pagamento: {{paymentMethod}}
{{/if}}
{{#if iban}}
IBAN: {{iban}}
{{/if}}
{{#if courtesyCopyAttached}}

In allegato trovate la copia di cortesia della {{documentName}}.
{{/if}}`;

const ITALIAN_SIGNATURE = `{{companyName}}
{{#if companyAddress}}
{{companyAddress}}
{{/if}}
{{#if companyVatNumber}}
P.IVA {{companyVatNumber}}
{{/if}}
{{#if companyContacts}}
{{companyContacts}}
{{/if}}`;

const ENGLISH_REFERENCE =
  '{{documentName}} no. {{invoiceNumber}} of {{invoiceDate}}{{#if multipleInstallments}}, installment {{installmentPosition}} of {{installmentCount}}{{/if}} – {{companyName}}';

const ENGLISH_SUBJECT_OF_SENTENCE =
  '{{#if multipleInstallments}}installment {{installmentPosition}} of {{installmentCount}} of {{documentName}}{{else}}{{documentName}}{{/if}} no. {{invoiceNumber}} of {{invoiceDate}} (due date {{dueDate}})';

const ENGLISH_PAYMENT_DETAILS = `Amount due: {{residualAmount}}
{{#if partiallyPaid}}
We have already received a partial payment of {{amountPaid}} out of {{amountDue}}. The amount above is the outstanding balance.
{{/if}}
{{#if paymentMethod}}
Payment method: {{paymentMethod}}
{{/if}}
{{#if iban}}
IBAN: {{iban}}
{{/if}}
{{#if courtesyCopyAttached}}

Please find attached a courtesy copy of the {{documentName}}.
{{/if}}`;

const ENGLISH_SIGNATURE = `{{companyName}}
{{#if companyAddress}}
{{companyAddress}}
{{/if}}
{{#if companyVatNumber}}
VAT no. {{companyVatNumber}}
{{/if}}
{{#if companyContacts}}
{{companyContacts}}
{{/if}}`;

const ITALIAN_TEMPLATES: readonly ReminderTemplate[] = [
  {
    subject: `Promemoria di pagamento – ${ITALIAN_REFERENCE}`,
    body: `Gentile {{clientName}},

con la presente Vi ricordiamo cortesemente che ${ITALIAN_SUBJECT_OF_SENTENCE} {{dueTiming}}.

${ITALIAN_PAYMENT_DETAILS}

Se avete già effettuato il pagamento, Vi preghiamo di non tenere conto di questo messaggio. Per qualsiasi chiarimento restiamo a Vostra disposizione.

Cordiali saluti
${ITALIAN_SIGNATURE}`,
  },
  {
    subject: `Sollecito di pagamento – ${ITALIAN_REFERENCE}`,
    body: `Gentile {{clientName}},

dai nostri riscontri risulta che ${ITALIAN_SUBJECT_OF_SENTENCE} {{dueTiming}} e non è ancora stata saldata.

${ITALIAN_PAYMENT_DETAILS}

Vi preghiamo di provvedere al pagamento al più presto. In caso di difficoltà o di contestazioni, Vi invitiamo a contattarci per trovare insieme una soluzione.

Se nel frattempo avete già effettuato il pagamento, Vi preghiamo di non tenere conto di questo messaggio.

Distinti saluti
${ITALIAN_SIGNATURE}`,
  },
  {
    subject: `Ultimo sollecito di pagamento – ${ITALIAN_REFERENCE}`,
    body: `Gentile {{clientName}},

{{#if hasPreviousReminders}}nonostante i nostri precedenti solleciti, {{else}}dai nostri riscontri risulta che {{/if}}${ITALIAN_SUBJECT_OF_SENTENCE} {{dueTiming}} e non è ancora stata saldata.

${ITALIAN_PAYMENT_DETAILS}

Vi chiediamo pertanto di provvedere al pagamento dell'importo residuo con la massima urgenza. In mancanza di riscontro, ci vedremo costretti a valutare le opportune iniziative per la tutela del nostro credito.

Se il pagamento è già stato effettuato, Vi preghiamo di non tenere conto di questo messaggio e, se possibile, di inviarci copia della ricevuta di pagamento.

Distinti saluti
${ITALIAN_SIGNATURE}`,
  },
];

const ENGLISH_TEMPLATES: readonly ReminderTemplate[] = [
  {
    subject: `Payment reminder – ${ENGLISH_REFERENCE}`,
    body: `Dear {{clientName}},

This is a friendly reminder that ${ENGLISH_SUBJECT_OF_SENTENCE} {{dueTiming}}.

${ENGLISH_PAYMENT_DETAILS}

If you have already paid, please disregard this message. Please do not hesitate to contact us with any questions.

Kind regards
${ENGLISH_SIGNATURE}`,
  },
  {
    subject: `Payment request – ${ENGLISH_REFERENCE}`,
    body: `Dear {{clientName}},

According to our records, ${ENGLISH_SUBJECT_OF_SENTENCE} {{dueTiming}} and has not been paid yet.

${ENGLISH_PAYMENT_DETAILS}

Please arrange payment as soon as possible. If there is any difficulty or dispute, please contact us so that we can find a solution together.

If you have paid in the meantime, please disregard this message.

Best regards
${ENGLISH_SIGNATURE}`,
  },
  {
    subject: `Final payment request – ${ENGLISH_REFERENCE}`,
    body: `Dear {{clientName}},

{{#if hasPreviousReminders}}Despite our previous reminders, {{else}}According to our records, {{/if}}${ENGLISH_SUBJECT_OF_SENTENCE} {{dueTiming}} and has not been paid yet.

${ENGLISH_PAYMENT_DETAILS}

We therefore ask you to pay the outstanding amount as a matter of urgency. Failing this, we will have to consider appropriate steps to protect our claim.

If payment has already been made, please disregard this message and, if possible, send us a copy of the payment receipt.

Yours sincerely
${ENGLISH_SIGNATURE}`,
  },
];

/**
 * Returns the default subject and body of reminder `level` (1, 2 or 3) in `language`.
 * Throws a RangeError for any other level.
 */
export function defaultReminderTemplate(language: 'it' | 'en', level: number): ReminderTemplate {
  if (!Number.isInteger(level) || level < 1 || level > 3) {
    throw new RangeError(`Invalid reminder level ${level}: expected 1, 2 or 3`);
  }

  const template = (language === 'it' ? ITALIAN_TEMPLATES : ENGLISH_TEMPLATES)[level - 1];

  return { subject: template.subject, body: template.body };
}
