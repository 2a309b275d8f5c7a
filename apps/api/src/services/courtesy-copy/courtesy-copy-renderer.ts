import type { InvoiceLine, Party, VatSummaryRow } from '@solleciti/fatturapa';
import { formatMoney, fromCents, isPlainDate, sumAmounts, toCents } from '@solleciti/util';
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  cleanText,
  formatDate,
  formatQuantity,
  formatUnitPrice,
  formatVatRate,
  partyAddressLines,
  partyName,
  partyVatNumber,
} from './courtesy-copy-format';
import { COURTESY_COPY_TEXT, type CourtesyCopyText } from './courtesy-copy-text';
import { documentTypeLabel, type Language } from './document-types';
import { formatIban, paymentMethodLabel } from './payment-methods';
import { getPdfMake } from './pdfmake-server';

export interface CourtesyCopyInstallment {
  position: number;
  dueDate: string | null;
  amount: string;
  amountPaid: string;
  paymentMethod: string;
  iban: string | null;
}

export interface CourtesyCopyInput {
  language: Language;
  seller: Party;
  buyer: Party;
  invoice: {
    /** TipoDocumento, TD01..TD29. */
    documentType: string;
    number: string;
    /** YYYY-MM-DD. */
    date: string;
    currency: string;
    causale: string[];
    lines: InvoiceLine[];
    vatSummary: VatSummaryRow[];
    /** ImportoTotaleDocumento, or null when the file has none. */
    totalAmount: string | null;
    /** Sum of taxable amounts and VAT from the VAT summary. */
    computedTotal: string;
  };
  installments: CourtesyCopyInstallment[];
}

const ACCENT_COLOR = '#1f3a5f';
const MARK_COLOR = '#8a4b00';
const MUTED_COLOR = '#555555';
const HEADER_FILL = '#e8edf3';

/**
 * Renders the courtesy copy (copia di cortesia) of an invoice as an A4 PDF.
 *
 * The same input gives the same bytes: the PDF creation date is the invoice date, and pdfkit
 * derives the document id and font subset names from the content. Every string from the input is
 * printed as plain text because pdfmake interprets no markup.
 */
export async function renderCourtesyCopy(input: CourtesyCopyInput): Promise<Buffer> {
  const docDefinition = buildCourtesyCopyDocument(input);

  return getPdfMake().createPdf(docDefinition).getBuffer();
}

/** Builds the pdfmake document definition of the courtesy copy. */
export function buildCourtesyCopyDocument(input: CourtesyCopyInput): TDocumentDefinitions {
  const text = COURTESY_COPY_TEXT[input.language];
  const documentName = documentTypeLabel(input.invoice.documentType, input.language);
  const title = text.documentTitle(documentName, cleanText(input.invoice.number), formatDate(input.invoice.date));
  const sellerName = partyName(input.seller);
  // A fixed creation date keeps the output reproducible. The invoice date is used because it is
  // part of the input, and midnight UTC avoids any dependence on the server's time zone.
  const fixedDate = isPlainDate(input.invoice.date) ? new Date(`${input.invoice.date}T00:00:00Z`) : new Date(0);

  return {
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 48],
    language: input.language === 'it' ? 'it-IT' : 'en',
    info: {
      title: `${text.courtesyMark} – ${title}`,
      author: sellerName,
      subject: text.courtesyMark,
      creationDate: fixedDate,
      modDate: fixedDate,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      sectionTitle: { fontSize: 10, bold: true, color: ACCENT_COLOR, margin: [0, 14, 0, 4] },
      tableHeader: { bold: true, fontSize: 8, color: ACCENT_COLOR, fillColor: HEADER_FILL },
      partyLabel: { fontSize: 7.5, color: MUTED_COLOR, bold: true },
      partyName: { fontSize: 11, bold: true },
    },
    header: (currentPage: number) => buildPageHeader(currentPage, title, sellerName, text),
    footer: (currentPage: number, pageCount: number) => buildPageFooter(currentPage, pageCount, text),
    content: [
      buildCourtesyBanner(text),
      buildPartiesBlock(input, text),
      buildDocumentHeading(input, title, text),
      ...buildLinesSection(input, text),
      ...buildVatSummarySection(input, text),
      buildTotalsBlock(input, text),
      ...buildInstallmentsSection(input, text),
    ],
  };
}

/** Repeats the document title and the mark on every page after the first. */
function buildPageHeader(currentPage: number, title: string, sellerName: string, text: CourtesyCopyText): Content {
  if (currentPage === 1) {
    return { text: '' };
  }

  return {
    margin: [40, 24, 40, 0],
    columns: [
      { text: `${title} — ${sellerName}`, fontSize: 8, color: MUTED_COLOR },
      { text: text.courtesyMark, fontSize: 8, bold: true, color: MARK_COLOR, alignment: 'right', width: 'auto' },
    ],
  };
}

function buildPageFooter(currentPage: number, pageCount: number, text: CourtesyCopyText): Content {
  return {
    margin: [40, 16, 40, 0],
    columns: [
      { text: text.courtesyMark, fontSize: 8, bold: true, color: MARK_COLOR },
      { text: text.page(currentPage, pageCount), fontSize: 8, color: MUTED_COLOR, alignment: 'right', width: 'auto' },
    ],
  };
}

function buildCourtesyBanner(text: CourtesyCopyText): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: text.courtesyMark, fontSize: 12, bold: true, color: MARK_COLOR, alignment: 'center' },
              { text: text.courtesyNote, fontSize: 8, color: MARK_COLOR, alignment: 'center', margin: [0, 2, 0, 0] },
            ],
            fillColor: '#fff4e5',
            margin: [8, 6, 8, 6],
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => '#e0a050',
      vLineColor: () => '#e0a050',
    },
    margin: [0, 0, 0, 14],
  };
}

function buildPartiesBlock(input: CourtesyCopyInput, text: CourtesyCopyText): Content {
  return {
    columns: [
      buildPartyBlock(input.seller, text.seller, text),
      buildPartyBlock(input.buyer, text.buyer, text),
    ],
    columnGap: 24,
  };
}

function buildPartyBlock(party: Party, label: string, text: CourtesyCopyText): Column {
  const lines: Content[] = [
    { text: label.toUpperCase(), style: 'partyLabel', margin: [0, 0, 0, 2] },
    { text: partyName(party) || '—', style: 'partyName', margin: [0, 0, 0, 2] },
  ];

  for (const addressLine of partyAddressLines(party)) {
    lines.push({ text: addressLine });
  }

  const vatNumber = partyVatNumber(party);
  if (vatNumber) {
    lines.push({ text: `${text.vatNumber} ${vatNumber}` });
  }
  if (party.fiscalCode) {
    lines.push({ text: `${text.fiscalCode} ${cleanText(party.fiscalCode)}` });
  }
  if (party.email) {
    lines.push({ text: `${text.email}: ${cleanText(party.email)}` });
  }
  if (party.phone) {
    lines.push({ text: `${text.phone} ${cleanText(party.phone)}` });
  }

  return { stack: lines, width: '*' };
}

function buildDocumentHeading(input: CourtesyCopyInput, title: string, text: CourtesyCopyText): Content {
  const invoice = input.invoice;
  const details = `${text.documentTypeCode}: ${cleanText(invoice.documentType)} · ${text.currency}: ${cleanText(invoice.currency)}`;
  const stack: Content[] = [
    { text: title, fontSize: 15, bold: true, color: ACCENT_COLOR },
    { text: details, fontSize: 8, color: MUTED_COLOR, margin: [0, 2, 0, 0] },
  ];

  const causale = invoice.causale.map((line) => cleanText(line, true)).filter((line) => line.trim() !== '');
  if (causale.length > 0) {
    stack.push({
      text: [{ text: `${text.causale}: `, bold: true }, causale.join('\n')],
      margin: [0, 6, 0, 0],
    });
  }

  return { stack, margin: [0, 18, 0, 0] };
}

function headerCell(label: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text: label, style: 'tableHeader', alignment };
}

/** Right-aligned cell that never wraps, so an amount and its currency sign stay on one line. */
function amountCell(value: string): { text: string; alignment: 'right'; noWrap: boolean } {
  return { text: value, alignment: 'right', noWrap: true };
}

function buildLinesSection(input: CourtesyCopyInput, text: CourtesyCopyText): Content[] {
  const { language, invoice } = input;
  if (invoice.lines.length === 0) {
    return [{ text: text.noLines, italics: true, margin: [0, 12, 0, 0] }];
  }

  const body: TableCell[][] = [
    [
      headerCell(text.description),
      headerCell(text.quantity, 'right'),
      headerCell(text.unitPrice, 'right'),
      headerCell(text.vatRate, 'right'),
      headerCell(text.lineTotal, 'right'),
    ],
  ];

  for (const line of invoice.lines) {
    body.push([
      { text: cleanText(line.description, true) },
      { text: formatQuantity(line.quantity, line.unitOfMeasure, language), alignment: 'right' },
      amountCell(line.unitPrice === null ? '' : formatUnitPrice(line.unitPrice, language, invoice.currency)),
      amountCell(formatVatRate(line.vatRate, line.nature, language)),
      amountCell(formatMoney(line.totalPrice, language, invoice.currency)),
    ]);
  }

  return [
    { text: text.linesTitle, style: 'sectionTitle' },
    {
      table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto'], body },
      layout: dataTableLayout(),
    },
  ];
}

function buildVatSummarySection(input: CourtesyCopyInput, text: CourtesyCopyText): Content[] {
  const { language, invoice } = input;
  if (invoice.vatSummary.length === 0) {
    return [];
  }

  const body: TableCell[][] = [
    [
      headerCell(text.vatRateOrNature),
      headerCell(text.vatDueMode),
      headerCell(text.taxableAmount, 'right'),
      headerCell(text.tax, 'right'),
    ],
  ];

  for (const row of invoice.vatSummary) {
    const dueMode = row.vatDueMode ? (text.vatDueModes[row.vatDueMode] ?? cleanText(row.vatDueMode)) : '';
    body.push([
      { text: formatVatRate(row.vatRate, row.nature, language) },
      { text: dueMode },
      amountCell(formatMoney(row.taxableAmount, language, invoice.currency)),
      amountCell(formatMoney(row.tax, language, invoice.currency)),
    ]);
  }

  return [
    { text: text.vatSummaryTitle, style: 'sectionTitle' },
    {
      table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto'], body, dontBreakRows: true },
      layout: dataTableLayout(),
    },
  ];
}

function buildTotalsBlock(input: CourtesyCopyInput, text: CourtesyCopyText): Content {
  const { language, invoice } = input;
  const money = (value: string) => formatMoney(value, language, invoice.currency);
  const totalTaxable = sumAmounts(invoice.vatSummary.map((row) => row.taxableAmount));
  const totalTax = sumAmounts(invoice.vatSummary.map((row) => row.tax));
  const documentTotal = invoice.totalAmount ?? invoice.computedTotal;

  const rows: TableCell[][] = [];
  if (invoice.vatSummary.length > 0) {
    rows.push([{ text: text.totalTaxable }, amountCell(money(totalTaxable))]);
    rows.push([{ text: text.totalTax }, amountCell(money(totalTax))]);
  }
  rows.push([
    { text: text.documentTotal, bold: true, fontSize: 11, color: ACCENT_COLOR },
    { ...amountCell(money(documentTotal)), bold: true, fontSize: 11, color: ACCENT_COLOR },
  ]);

  const stack: Content[] = [
    {
      columns: [
        { text: '', width: '*' },
        {
          width: 'auto',
          table: { widths: [130, 'auto'], body: rows },
          layout: totalsTableLayout(rows.length),
        },
      ],
    },
  ];
  if (invoice.totalAmount === null) {
    stack.push({ text: text.computedTotalNote, fontSize: 7.5, italics: true, color: MUTED_COLOR, alignment: 'right', margin: [0, 3, 0, 0] });
  }

  return { stack, margin: [0, 12, 0, 0], unbreakable: true };
}

function buildInstallmentsSection(input: CourtesyCopyInput, text: CourtesyCopyText): Content[] {
  const { language, invoice, installments } = input;
  const title: Content = { text: text.installmentsTitle, style: 'sectionTitle' };
  if (installments.length === 0) {
    return [title, { text: text.noInstallments, italics: true }];
  }

  const money = (value: string) => formatMoney(value, language, invoice.currency);
  const body: TableCell[][] = [
    [
      headerCell(text.installment),
      headerCell(text.dueDate),
      headerCell(text.amount, 'right'),
      headerCell(text.amountPaid, 'right'),
      headerCell(text.residual, 'right'),
      headerCell(text.paymentMethod),
      headerCell(text.iban),
    ],
  ];

  for (const installment of installments) {
    // An overpaid installment owes nothing, so the residual never goes below zero.
    const residualCents = Math.max(0, toCents(installment.amount) - toCents(installment.amountPaid));
    body.push([
      { text: `${installment.position}/${installments.length}` },
      { text: installment.dueDate ? formatDate(installment.dueDate) : text.noDueDate },
      amountCell(money(installment.amount)),
      amountCell(money(installment.amountPaid)),
      { ...amountCell(money(fromCents(residualCents))), bold: residualCents > 0 },
      { text: cleanText(paymentMethodLabel(installment.paymentMethod, language)) },
      { text: installment.iban ? formatIban(cleanText(installment.iban)) : '—', fontSize: 7.5 },
    ]);
  }

  return [
    title,
    {
      table: { headerRows: 1, widths: ['auto', 'auto', 'auto', 'auto', 'auto', '*', 'auto'], body, dontBreakRows: true },
      layout: dataTableLayout(),
    },
  ];
}

/** Thin horizontal rules, no vertical rules, shaded header row. */
function dataTableLayout() {
  return {
    hLineWidth: (index: number) => (index === 0 ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => '#c8d0da',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

/** Only a rule above the last row, which contains the document total. */
function totalsTableLayout(rowCount: number) {
  return {
    hLineWidth: (index: number) => (index === rowCount - 1 && rowCount > 1 ? 1 : 0),
    vLineWidth: () => 0,
    hLineColor: () => ACCENT_COLOR,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
}
