import { formatCsv, formatCsvCell, formatCsvRow } from './csv';

describe('formatCsvCell', () => {
  it.each([
    ['plain text', 'Rossi S.r.l.', 'Rossi S.r.l.'],
    ['empty string', '', ''],
    ['separator', 'Rossi; Bianchi', '"Rossi; Bianchi"'],
    ['quote', 'Bar "Il Portico"', '"Bar ""Il Portico"""'],
    ['line feed', 'Via Roma 1\nScala B', '"Via Roma 1\nScala B"'],
    ['carriage return inside', 'a\rb', '"a\rb"'],
    ['comma, kept as is', 'Roma, Italia', 'Roma, Italia'],
    ['HTML', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['unusual Unicode', 'Café \u202Eevil\u200B 😀 e\u0301', 'Café \u202Eevil\u200B 😀 e\u0301'],
  ])('writes %s', (_case, value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://x.example","x")', `"'=HYPERLINK(""http://x.example"",""x"")"`],
    ['+', '+39 06 1234567', "'+39 06 1234567"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('defuses a formula starting with %s', (_start, value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });

  it('leaves formula characters after the start', () => {
    expect(formatCsvCell('Rossi = Bianchi')).toBe('Rossi = Bianchi');
  });

  it('writes null and undefined as empty fields', () => {
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(undefined)).toBe('');
  });
});

describe('formatCsv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    const csv = formatCsv(['Nome', 'Città'], [['Rossi', 'Forlì'], [null, 'Bari; BA']]);

    expect(csv).toBe('\uFEFFNome;Città\r\nRossi;Forlì\r\n;"Bari; BA"\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(formatCsv(['Nome'], [])).toBe('\uFEFFNome\r\n');
  });

  it('writes one row without a BOM', () => {
    expect(formatCsvRow(['a', 'b'])).toBe('a;b\r\n');
  });
});
