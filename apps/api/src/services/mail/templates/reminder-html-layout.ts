import type { ReminderPlaceholderValues } from './reminder-placeholders';

/** Context of REMINDER_HTML_LAYOUT. Every string is plain text, which the layout escapes. */
export interface ReminderHtmlContext {
  language: 'it' | 'en';
  subject: string;
  /** Paragraphs of the text body, each a list of lines. */
  paragraphs: string[][];
  detailsTitle: string;
  details: Array<{ label: string; value: string }>;
  footerLines: string[];
}

/**
 * Handlebars layout of the HTML part. It is compiled with HTML escaping on and uses only
 * double-brace expressions, so no value can add markup. Styles are inline because many mail
 * clients drop <style> blocks.
 */
export const REMINDER_HTML_LAYOUT = `<!DOCTYPE html>
<html lang="{{language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #dde1e6;border-radius:6px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">
<tr>
<td style="padding:24px 28px 8px 28px;">
{{#each paragraphs}}
<p style="margin:0 0 14px 0;">{{#each this}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}</p>
{{/each}}
</td>
</tr>
<tr>
<td style="padding:0 28px 20px 28px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:14px;background-color:#f7f9fb;border:1px solid #e3e7ec;">
<tr><th colspan="2" align="left" style="padding:8px 12px;font-size:13px;color:#1f3a5f;border-bottom:1px solid #e3e7ec;">{{detailsTitle}}</th></tr>
{{#each details}}
<tr><td style="padding:6px 12px;color:#52606d;white-space:nowrap;vertical-align:top;">{{label}}</td><td style="padding:6px 12px;color:#1f2933;">{{value}}</td></tr>
{{/each}}
</table>
</td>
</tr>
<tr>
<td style="padding:14px 28px 20px 28px;border-top:1px solid #e3e7ec;font-size:12px;line-height:1.5;color:#52606d;">
{{#each footerLines}}
{{#if @first}}<strong>{{this}}</strong>{{else}}<br>{{this}}{{/if}}
{{/each}}
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;

const DETAIL_LABELS = {
  it: {
    title: 'Riepilogo',
    document: 'Documento',
    installment: 'Rata',
    dueDate: 'Scadenza',
    residual: 'Importo da pagare',
    amountPaid: 'Già pagato',
    paymentMethod: 'Modalità di pagamento',
    iban: 'IBAN',
    vatNumber: 'P.IVA',
  },
  en: {
    title: 'Summary',
    document: 'Document',
    installment: 'Installment',
    dueDate: 'Due date',
    residual: 'Amount due',
    amountPaid: 'Already paid',
    paymentMethod: 'Payment method',
    iban: 'IBAN',
    vatNumber: 'VAT no.',
  },
} as const;

/** Splits a text body into paragraphs at blank lines and each paragraph into lines. */
export function splitParagraphs(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
}

/** Builds the context of the HTML layout from the rendered text and the placeholder values. */
export function buildReminderHtmlContext(
  language: 'it' | 'en',
  subject: string,
  text: string,
  values: ReminderPlaceholderValues,
): ReminderHtmlContext {
  const labels = DETAIL_LABELS[language];
  const documentName = values.documentName.charAt(0).toUpperCase() + values.documentName.slice(1);
  const document =
    language === 'it'
      ? `${documentName} n. ${values.invoiceNumber} del ${values.invoiceDate}`
      : `${documentName} no. ${values.invoiceNumber} of ${values.invoiceDate}`;
  const installment =
    language === 'it'
      ? `${values.installmentPosition} di ${values.installmentCount}`
      : `${values.installmentPosition} of ${values.installmentCount}`;

  const details: Array<{ label: string; value: string }> = [
    { label: labels.document, value: document },
    { label: labels.installment, value: installment },
    { label: labels.dueDate, value: values.dueDate },
    { label: labels.residual, value: values.residualAmount },
  ];
  if (values.partiallyPaid) {
    details.push({ label: labels.amountPaid, value: values.amountPaid });
  }
  if (values.paymentMethod) {
    details.push({ label: labels.paymentMethod, value: values.paymentMethod });
  }
  if (values.iban) {
    details.push({ label: labels.iban, value: values.iban });
  }

  const footerLines = [
    values.companyName,
    values.companyAddress,
    values.companyVatNumber ? `${labels.vatNumber} ${values.companyVatNumber}` : '',
    values.companyContacts,
  ].filter((line) => line !== '');

  return { language, subject, paragraphs: splitParagraphs(text), detailsTitle: labels.title, details, footerLines };
}
