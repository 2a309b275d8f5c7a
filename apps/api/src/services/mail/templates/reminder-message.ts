import Handlebars from 'handlebars';
import { buildReminderHtmlContext, REMINDER_HTML_LAYOUT, type ReminderHtmlContext } from './reminder-html-layout';
import type { ReminderMessageData, ReminderTemplate } from './reminder-message-data';
import { buildReminderPlaceholderValues, type ReminderPlaceholderValues } from './reminder-placeholders';
import { parseTemplateField, type TemplateField } from './reminder-template-check';

export { defaultReminderTemplate } from './reminder-default-templates';
export type { ReminderMessageData, ReminderTemplate } from './reminder-message-data';
export { REMINDER_PLACEHOLDERS, type ReminderPlaceholder, type ReminderPlaceholderName } from './reminder-placeholders';

/** Maximum subject length in characters. A longer subject is cut and ends with "…". */
export const MAX_SUBJECT_LENGTH = 250;

/** Error for a user template that cannot be rendered. `problems` lists each fault in English. */
export class ReminderTemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid reminder template: ${problems.join(' ')}`);
    this.name = 'ReminderTemplateError';
  }
}

// A private environment, so helpers or partials registered elsewhere on the global Handlebars
// object never reach user templates.
const handlebars = Handlebars.create();

const TEXT_COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true },
};

let htmlLayout: HandlebarsTemplateDelegate<ReminderHtmlContext> | null = null;

/**
 * Renders a reminder e-mail: the subject as one line, the text part, and the HTML part built
 * from the text with every value escaped.
 * Throws ReminderTemplateError when the template has a syntax error, an unknown placeholder or
 * an unsupported construct, so that no e-mail goes out with a gap in it.
 */
export function renderReminderMessage(
  template: ReminderTemplate,
  data: ReminderMessageData,
): { subject: string; text: string; html: string } {
  const problems: string[] = [];
  const subjectProgram = parseTemplateField(template.subject, 'subject', problems);
  const bodyProgram = parseTemplateField(template.body, 'body', problems);
  if (problems.length > 0 || !subjectProgram || !bodyProgram) {
    throw new ReminderTemplateError(problems);
  }

  const values = buildReminderPlaceholderValues(data);
  const subject = toSubjectLine(runTemplate(subjectProgram, values, 'subject'));
  const text = tidyText(runTemplate(bodyProgram, values, 'body'));

  htmlLayout ??= handlebars.compile<ReminderHtmlContext>(REMINDER_HTML_LAYOUT, { strict: true });
  const html = htmlLayout(buildReminderHtmlContext(data.language, subject, text, values));

  return { subject, text, html };
}

/**
 * Checks a user template: syntax, placeholders, supported blocks, and a test rendering with
 * sample data. Returns the problems in English, each naming the field and the reason, or an
 * empty list when the template is valid.
 */
export function validateReminderTemplate(template: ReminderTemplate): string[] {
  const problems: string[] = [];
  const subjectProgram = parseTemplateField(template?.subject, 'subject', problems);
  const bodyProgram = parseTemplateField(template?.body, 'body', problems);
  if (problems.length > 0 || !subjectProgram || !bodyProgram) {
    return problems;
  }

  for (const sample of SAMPLE_DATA) {
    try {
      renderReminderMessage(template, sample);
    } catch (error) {
      const reason = error instanceof ReminderTemplateError ? error.problems.join(' ') : String(error);
      return [`The template failed to render with sample data: ${reason}`];
    }
  }

  return [];
}

/**
 * Returns invented reminder data (client, invoice and installment) for previewing a template
 * when the company has no open installment to show.
 */
export function sampleReminderMessageData(language: 'it' | 'en', level: number): ReminderMessageData {
  const sample = SAMPLE_DATA[0];

  return { ...sample, language, level, levelCount: Math.max(level, sample.levelCount), previousReminders: level - 1 };
}

function runTemplate(program: hbs.AST.Program, values: ReminderPlaceholderValues, field: TemplateField): string {
  try {
    return handlebars.compile<ReminderPlaceholderValues>(program, TEXT_COMPILE_OPTIONS)(values);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ReminderTemplateError([`The ${field} failed to render: ${message}.`]);
  }
}

/**
 * Makes a rendered subject safe for a mail header: control characters (CR and LF included)
 * become spaces, runs of white space collapse, and the result is cut to MAX_SUBJECT_LENGTH
 * characters.
 */
function toSubjectLine(rendered: string): string {
  const line = rendered
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = Array.from(line);
  if (characters.length <= MAX_SUBJECT_LENGTH) {
    return line;
  }

  return `${characters.slice(0, MAX_SUBJECT_LENGTH - 1).join('').trimEnd()}…`;
}

/**
 * Normalises the rendered text part: LF line endings, no control characters other than tab and
 * line feed, no trailing spaces, and at most one blank line in a row.
 */
function tidyText(rendered: string): string {
  return rendered
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Two sample reminders that between them take every branch of an {{#if}} on a flag. */
const SAMPLE_DATA: readonly ReminderMessageData[] = [
  {
    language: 'it',
    level: 2,
    levelCount: 3,
    company: {
      name: 'ACME S.r.l.',
      vatNumber: 'IT01234567890',
      email: 'amministrazione@acme.example',
      phone: '+39 06 1234567',
      address: 'Via Roma 1, 00100 Roma (RM)',
      iban: 'IT60X0542811101000000123456',
    },
    client: { displayName: 'Rossi & Figli S.r.l.' },
    invoice: { number: '12/2025', date: '2025-01-15', documentType: 'TD01', currency: 'EUR' },
    installment: {
      position: 2,
      count: 3,
      dueDate: '2025-02-15',
      amountDue: '1234.56',
      amountPaid: '200.00',
      residual: '1034.56',
      paymentMethod: 'MP05',
      iban: 'IT60X0542811101000000123456',
    },
    daysFromDueDate: 7,
    courtesyCopyAttached: true,
    previousReminders: 1,
  },
  {
    language: 'en',
    level: 3,
    levelCount: 3,
    company: { name: 'ACME S.r.l.', vatNumber: null, email: null, phone: null, address: null, iban: null },
    client: { displayName: 'Mario Rossi' },
    invoice: { number: '7', date: '2025-03-01', documentType: 'TD06', currency: 'EUR' },
    installment: {
      position: 1,
      count: 1,
      dueDate: '2025-03-31',
      amountDue: '500.00',
      amountPaid: '0.00',
      residual: '500.00',
      paymentMethod: '',
      iban: null,
    },
    daysFromDueDate: -3,
    courtesyCopyAttached: false,
    previousReminders: 0,
  },
];
