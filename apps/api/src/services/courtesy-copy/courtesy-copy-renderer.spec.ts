import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceLine } from '@solleciti/fatturapa';
import { renderCourtesyCopy, type CourtesyCopyInput } from './courtesy-copy-renderer';
import { documentTypeLabel } from './document-types';
import { formatIban, paymentMethodLabel } from './payment-methods';

function sampleLines(count: number): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  for (let index = 1; index <= count; index += 1) {
    lines.push({
      lineNumber: index,
      description: `Consulenza tecnica n. ${index} — attività di verifica, qualità e collaudo`,
      quantity: '2.00',
      unitOfMeasure: 'ore',
      unitPrice: '617.28',
      totalPrice: '1234.56',
      vatRate: '22.00',
      nature: null,
    });
  }

  return lines;
}

function sampleInput(lineCount: number): CourtesyCopyInput {
  return {
    language: 'it',
    seller: {
      vatNumber: { country: 'IT', code: '01234567890' },
      fiscalCode: '01234567890',
      companyName: 'Società Agricola Però & Figli S.r.l.',
      firstName: null,
      lastName: null,
      address: { street: 'Via Garibaldi', streetNumber: '12', postalCode: '00184', city: 'Roma', province: 'RM', country: 'IT' },
      email: 'amministrazione@pero.example',
      phone: '+39 06 1234567',
    },
    buyer: {
      vatNumber: { country: 'IT', code: '09876543210' },
      fiscalCode: null,
      companyName: 'Città Nuova S.p.A. <script>alert(1)</script>',
      firstName: null,
      lastName: null,
      address: { street: 'Corso Vittorio Emanuele II', streetNumber: '5', postalCode: '20122', city: 'Milano', province: 'MI', country: 'IT' },
      email: null,
      phone: null,
    },
    invoice: {
      documentType: 'TD01',
      number: 'FT-12/2025',
      date: '2025-01-15',
      currency: 'EUR',
      causale: ['Servizi di consulenza — gennaio 2025'],
      lines: sampleLines(lineCount),
      vatSummary: [
        { vatRate: '22.00', nature: null, taxableAmount: (1234.56 * lineCount).toFixed(2), tax: (271.6 * lineCount).toFixed(2), vatDueMode: 'I' },
      ],
      totalAmount: null,
      computedTotal: (1506.16 * lineCount).toFixed(2),
    },
    installments: [
      { position: 1, dueDate: '2025-02-15', amount: '1234.56', amountPaid: '1234.56', paymentMethod: 'MP05', iban: 'IT60X0542811101000000123456' },
      { position: 2, dueDate: '2025-03-15', amount: '1234.56', amountPaid: '200.00', paymentMethod: 'MP05', iban: 'IT60X0542811101000000123456' },
      { position: 3, dueDate: null, amount: '1234.56', amountPaid: '0.00', paymentMethod: 'MP12', iban: null },
    ],
  };
}

/** Counts page objects: "/Type /Page" not followed by "s", which would be the page tree. */
function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function extractText(pdf: Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), 'courtesy-copy-'));
  try {
    const file = join(directory, 'copy.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('renderCourtesyCopy', () => {
  it('renders a 60-line invoice on several pages', async () => {
    const pdf = await renderCourtesyCopy(sampleInput(60));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPages(pdf)).toBeGreaterThanOrEqual(2);

    if (!hasPdfToText()) {
      console.warn('pdftotext not found (Debian package poppler-utils): the text content of the PDF was not checked.');
      return;
    }

    const text = extractText(pdf);
    const pageCount = countPages(pdf);
    expect(text).toContain('Copia di cortesia — documento privo di valenza fiscale');
    expect(text).toContain('Fattura n. FT-12/2025 del 15/01/2025');
    expect(text).toContain('1.234,56 €');
    expect(text).toContain('90.369,60 €');
    expect(text).toContain(`Pagina 1 di ${pageCount}`);
    expect(text).toContain(`Pagina ${pageCount} di ${pageCount}`);
    expect(text).toContain('Società Agricola Però & Figli S.r.l.');
    expect(text).toContain('Città Nuova S.p.A. <script>alert(1)</script>');
    expect(text).toContain('P.IVA IT01234567890');
    expect(text).toContain('IT60 X054 2811 1010 0000 0123 456');
    expect(text).toContain('Bonifico');
    expect(text).toContain('RIBA');
    expect(text).toContain('non indicata');
    expect(text).toContain('1.034,56 €');
  });

  it('repeats the lines table header on every page', async () => {
    const pdf = await renderCourtesyCopy(sampleInput(60));
    if (!hasPdfToText()) {
      console.warn('pdftotext not found (Debian package poppler-utils): the repeated table header was not checked.');
      return;
    }

    const pages = extractText(pdf).split('\f').filter((page) => page.trim() !== '');
    const pagesWithLines = pages.filter((page) => page.includes('Consulenza tecnica'));
    expect(pagesWithLines.length).toBeGreaterThanOrEqual(2);
    for (const page of pagesWithLines) {
      expect(page).toContain('Prezzo unitario');
    }
  });

  it('splits a very long description across pages', async () => {
    const input = sampleInput(1);
    input.invoice.lines[0].description = 'Descrizione molto lunga con accenti àèéìòù e simbolo €. '.repeat(400) + 'FINE-DESCRIZIONE';
    const pdf = await renderCourtesyCopy(input);

    expect(countPages(pdf)).toBeGreaterThanOrEqual(3);
    if (hasPdfToText()) {
      expect(extractText(pdf)).toContain('FINE-DESCRIZIONE');
    }
  });

  it('renders English labels and the file total', async () => {
    const input = sampleInput(1);
    input.language = 'en';
    input.invoice.totalAmount = '1506.16';
    const pdf = await renderCourtesyCopy(input);

    expect(countPages(pdf)).toBe(1);
    if (!hasPdfToText()) {
      console.warn('pdftotext not found (Debian package poppler-utils): the English text was not checked.');
      return;
    }

    const text = extractText(pdf);
    expect(text).toContain('Courtesy copy — not valid for tax purposes');
    expect(text).toContain('Invoice no. FT-12/2025 of 15/01/2025');
    expect(text).toContain('€1,506.16');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Bank transfer');
    expect(text).not.toContain('The file gives no document total');
  });

  it('prints odd text without failing', async () => {
    const input = sampleInput(2);
    input.invoice.number = '7\r\n/2025\u0000';
    input.invoice.causale = ['<b>not bold</b> {{placeholder}} \t tab', ''];
    input.invoice.lines[0].description = 'Ünïcödé — 中文 — 🙂 — ' + 'x'.repeat(300);
    input.invoice.lines[1].quantity = null;
    input.invoice.lines[1].unitPrice = null;
    input.invoice.lines[1].vatRate = '0.00';
    input.invoice.lines[1].nature = 'N2.2';
    input.invoice.vatSummary = [];
    input.installments = [];
    const pdf = await renderCourtesyCopy(input);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdfToText()) {
      const text = extractText(pdf);
      expect(text).toContain('<b>not bold</b> {{placeholder}}');
      expect(text).toContain('0% N2.2');
      expect(text).toContain('Il documento non indica rate di pagamento.');
    }
  });

  it('prints client names with unusual Unicode as given', async () => {
    const input = sampleInput(1);
    input.buyer.companyName = 'Bianchi \u202Egpj.exe\u202C Srl\u200B Caffe\u0301 😀';
    input.buyer.address = { street: 'Via <i>Roma</i> & "Corso"', streetNumber: null, postalCode: null, city: null, province: null, country: null };
    const pdf = await renderCourtesyCopy(input);

    if (!hasPdfToText()) {
      console.warn('pdftotext not found (Debian package poppler-utils): the client name was not checked.');
      return;
    }

    const text = extractText(pdf);
    // PDF text has no bidirectional algorithm, so the override cannot make "gpj.exe" read "exe.jpg".
    expect(text).toContain('gpj.exe Srl');
    expect(text).not.toContain('exe.jpg');
    expect(text.normalize('NFC')).toContain('Caffé');
    expect(text).toContain('Via <i>Roma</i> & "Corso"');
    // NOTE: the embedded Roboto font has no emoji glyphs, so "😀" prints as nothing.
    expect(text).not.toContain('😀');
  });

  it('gives the same bytes for the same input', async () => {
    const first = await renderCourtesyCopy(sampleInput(3));
    const second = await renderCourtesyCopy(sampleInput(3));

    expect(first.equals(second)).toBe(true);
  });
});

describe('label maps', () => {
  it('names document types in both languages', () => {
    expect(documentTypeLabel('TD01', 'it')).toBe('Fattura');
    expect(documentTypeLabel('TD04', 'it')).toBe('Nota di credito');
    expect(documentTypeLabel('TD06', 'it')).toBe('Parcella');
    expect(documentTypeLabel('TD24', 'it')).toBe('Fattura differita');
    expect(documentTypeLabel('TD01', 'en')).toBe('Invoice');
    expect(documentTypeLabel('TD99', 'en')).toBe('TD99');
    expect(documentTypeLabel('toString', 'it')).toBe('toString');
  });

  it('names payment methods in both languages', () => {
    expect(paymentMethodLabel('MP01', 'it')).toBe('Contanti');
    expect(paymentMethodLabel('MP05', 'it')).toBe('Bonifico');
    expect(paymentMethodLabel('MP08', 'it')).toBe('Carta di pagamento');
    expect(paymentMethodLabel('MP12', 'it')).toBe('RIBA');
    expect(paymentMethodLabel('MP19', 'it')).toBe('SEPA Direct Debit');
    expect(paymentMethodLabel('MP23', 'it')).toBe('PagoPA');
    expect(paymentMethodLabel('MP05', 'en')).toBe('Bank transfer');
    expect(paymentMethodLabel('MP99', 'it')).toBe('MP99');
  });

  it('groups an IBAN by four characters', () => {
    expect(formatIban('it60x0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
    expect(formatIban('IT60 X054 2811')).toBe('IT60 X054 2811');
  });
});
