/**
 * CSV as Excel with Italian regional settings opens it. Fields are separated by ";", the list
 * separator where "," is the decimal separator. Lines end in CRLF and fields are quoted as RFC 4180
 * defines. A UTF-8 byte order mark stops Excel from reading the text as windows-1252.
 */

export const CSV_SEPARATOR = ';';
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
 * plus the line breaks that some spreadsheets trim before checking.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Characters that require a field to be quoted under RFC 4180, with ";" as the separator. */
const NEEDS_QUOTES = /[";\r\n]/;

/**
 * Formats one cell: null and undefined become an empty field, a value that a spreadsheet would
 * run as a formula gets a leading apostrophe, and a value with a separator, quote or line break
 * is quoted with its quotes doubled.
 */
export function formatCsvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }

  const defused = FORMULA_START.test(value) ? `'${value}` : value;

  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Formats one record, ended by CRLF. */
export function formatCsvRow(cells: ReadonlyArray<string | null | undefined>): string {
  return `${cells.map(formatCsvCell).join(CSV_SEPARATOR)}\r\n`;
}

/** Formats a whole table: the byte order mark, the header row, then each row. */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null | undefined>>): string {
  return CSV_BYTE_ORDER_MARK + formatCsvRow(header) + rows.map(formatCsvRow).join('');
}
