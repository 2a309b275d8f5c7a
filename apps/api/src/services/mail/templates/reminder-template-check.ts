import Handlebars from 'handlebars';
import { REMINDER_PLACEHOLDER_NAMES, REMINDER_PLACEHOLDERS } from './reminder-placeholders';

export type TemplateField = 'subject' | 'body';

/** Maximum template source lengths, in UTF-16 code units. */
export const MAX_TEMPLATE_LENGTH: Readonly<Record<TemplateField, number>> = { subject: 1_000, body: 20_000 };

/** Block helpers a template may use. Other helpers, partials and decorators are rejected. */
const ALLOWED_BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless']);

const PLACEHOLDER_LIST = REMINDER_PLACEHOLDERS.map((placeholder) => `{{${placeholder.name}}}`).join(', ');

/**
 * Parses one template field and checks that it only uses known placeholders and {{#if}} or
 * {{#unless}} blocks. Appends a problem in English to `problems` for each fault, and returns the
 * syntax tree when the source could at least be parsed.
 */
export function parseTemplateField(source: unknown, field: TemplateField, problems: string[]): hbs.AST.Program | null {
  if (typeof source !== 'string') {
    problems.push(`The ${field} is missing: expected the template source as text.`);
    return null;
  }
  if (source.trim() === '') {
    problems.push(`The ${field} is empty.`);
    return null;
  }
  if (source.length > MAX_TEMPLATE_LENGTH[field]) {
    problems.push(`The ${field} has ${source.length} characters, more than the maximum of ${MAX_TEMPLATE_LENGTH[field]}.`);
    return null;
  }

  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    problems.push(describeSyntaxError(error, source, field));
    return null;
  }

  const found = new Set<string>();
  checkStatements(program.body, field, found);
  problems.push(...found);

  return program;
}

/** Maximum length of the excerpt of the faulty source line quoted in a syntax error. */
const MAX_EXCERPT_LENGTH = 60;

/**
 * Turns a Handlebars parse error into one line that quotes the faulty source line. The parser
 * reports "Parse error on line 3:\n<excerpt>\n---^\nExpecting 'ID', …, got 'EOF'", and the
 * lexer "Lexical error on line 3. Unrecognized text.\n…". Other messages are passed on.
 */
function describeSyntaxError(error: unknown, source: string, field: TemplateField): string {
  const message = error instanceof Error ? error.message : String(error);
  const advice =
    'Check that every "{{" is closed by "}}" and that every {{#if …}} or {{#unless …}} block ends with {{/if}} or {{/unless}}.';
  const located = /^(Parse|Lexical) error on line (\d+)/.exec(message);
  if (!located) {
    return `Syntax error in the ${field}: ${message.replace(/\s+/g, ' ').trim()}. ${advice}`;
  }

  const lineNumber = Number(located[2]);
  const sourceLine = (source.split(/\r\n?|\n/)[lineNumber - 1] ?? '').trim();
  // Control characters show as \uXXXX escapes, so the message itself stays plain text.
  const excerpt = Array.from(sourceLine)
    .slice(0, MAX_EXCERPT_LENGTH)
    .join('')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const token = /got '([^']+)'/.exec(message)?.[1];
  let reason = 'unrecognized text';
  if (token === 'EOF') {
    reason = 'the text ends before a tag or block is closed';
  } else if (token) {
    reason = `unexpected ${token}`;
  }

  return `Syntax error in the ${field} on line ${lineNumber} near "${excerpt}": ${reason}. ${advice}`;
}

function checkStatements(statements: hbs.AST.Statement[], field: TemplateField, problems: Set<string>): void {
  for (const statement of statements) {
    checkStatement(statement, field, problems);
  }
}

function checkStatement(statement: hbs.AST.Statement, field: TemplateField, problems: Set<string>): void {
  switch (statement.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const mustache = statement as hbs.AST.MustacheStatement;
      if (mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0) {
        problems.add(
          `The tag {{${expressionSource(mustache.path)} …}} in the ${field} passes arguments, which placeholders do not take. Write the placeholder alone, such as {{clientName}}.`,
        );
        return;
      }
      checkPlaceholder(mustache.path, field, problems);
      return;
    }
    case 'BlockStatement': {
      checkBlock(statement as hbs.AST.BlockStatement, field, problems);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const partial = statement as hbs.AST.PartialStatement;
      problems.add(`Partials such as {{> ${expressionSource(partial.name)}}} are not supported in the ${field}.`);
      return;
    }
    default:
      problems.add(`Unsupported Handlebars construct (${statement.type}) in the ${field}. Use placeholders and {{#if …}} blocks only.`);
  }
}

function checkBlock(block: hbs.AST.BlockStatement, field: TemplateField, problems: Set<string>): void {
  const helper = expressionSource(block.path);
  if (!ALLOWED_BLOCK_HELPERS.has(helper)) {
    problems.add(`Unsupported block {{#${helper}}} in the ${field}. Only {{#if …}} and {{#unless …}} blocks are allowed.`);
  } else if (block.params.length !== 1 || (block.hash?.pairs.length ?? 0) > 0) {
    problems.add(`The block {{#${helper}}} in the ${field} needs exactly one placeholder, such as {{#${helper} partiallyPaid}}.`);
  }

  for (const parameter of block.params) {
    checkPlaceholder(parameter, field, problems);
  }
  if (block.program) {
    checkStatements(block.program.body, field, problems);
  }
  if (block.inverse) {
    checkStatements(block.inverse.body, field, problems);
  }
}

function checkPlaceholder(expression: hbs.AST.Expression, field: TemplateField, problems: Set<string>): void {
  if (expression.type === 'SubExpression') {
    problems.add(`Helper calls in parentheses are not supported in the ${field}.`);
    return;
  }

  // Only a plain name such as "clientName" is a placeholder. Paths ("client.name", "../x"),
  // data variables ("@index") and literals are rejected, which also keeps a template away from
  // object internals such as "constructor".
  if (expression.type === 'PathExpression') {
    const path = expression as hbs.AST.PathExpression;
    const isPlainName = !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0];
    if (isPlainName && REMINDER_PLACEHOLDER_NAMES.has(path.original)) {
      return;
    }
  }

  problems.add(`Unknown placeholder {{${expressionSource(expression)}}} in the ${field}. Use one of: ${PLACEHOLDER_LIST}.`);
}

function expressionSource(expression: hbs.AST.Expression): string {
  if (expression.type === 'PathExpression') {
    return (expression as hbs.AST.PathExpression).original;
  }
  if (expression.type === 'SubExpression') {
    return `(${expressionSource((expression as hbs.AST.SubExpression).path)} …)`;
  }
  if (expression.type === 'StringLiteral') {
    return JSON.stringify((expression as hbs.AST.StringLiteral).original);
  }

  return String((expression as hbs.AST.Literal & { original?: unknown }).original);
}
