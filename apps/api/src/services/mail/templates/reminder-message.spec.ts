import {
  defaultReminderTemplate,
  MAX_SUBJECT_LENGTH,
  REMINDER_PLACEHOLDERS,
  renderReminderMessage,
  ReminderTemplateError,
  validateReminderTemplate,
  type ReminderMessageData,
} from './reminder-message';

function sampleData(overrides: Partial<ReminderMessageData> = {}): ReminderMessageData {
  return {
    language: 'it',
    level: 1,
    levelCount: 3,
    company: {
      name: 'ACME S.r.l.',
      vatNumber: 'IT01234567890',
      email: 'amministrazione@acme.example',
      phone: '+39 06 1234567',
      address: 'Via Roma 1, 00184 Roma (RM)',
      iban: null,
    },
    client: { displayName: 'Bianchi S.p.A.' },
    invoice: { number: '12/2025', date: '2025-01-15', documentType: 'TD01', currency: 'EUR' },
    installment: {
      position: 2,
      count: 3,
      dueDate: '2025-02-15',
      amountDue: '1234.56',
      amountPaid: '0.00',
      residual: '1234.56',
      paymentMethod: 'MP05',
      iban: 'IT60X0542811101000000123456',
    },
    daysFromDueDate: -3,
    courtesyCopyAttached: true,
    previousReminders: 2,
    ...overrides,
  };
}

function textLines(text: string): string[] {
  return text.split('\n');
}

describe('default reminder templates', () => {
  it('renders Italian level 1 (promemoria)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), sampleData());
    const lines = textLines(message.text);

    expect(message.subject).toBe('Promemoria di pagamento – fattura n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l.');
    expect(lines[0]).toBe('Gentile Bianchi S.p.A.,');
    expect(lines).toContain(
      'con la presente Vi ricordiamo cortesemente che la rata 2 di 3 della fattura n. 12/2025 del 15/01/2025 (scadenza 15/02/2025) scade tra 3 giorni.',
    );
    expect(lines).toContain('Importo da pagare: 1.234,56 €');
    expect(lines).toContain('Modalità di pagamento: Bonifico');
    expect(lines).toContain('IBAN: IT60 X054 2811 1010 0000 0123 456');
    expect(lines).toContain('In allegato trovate la copia di cortesia della fattura.');
    expect(lines).toContain(
      'Se avete già effettuato il pagamento, Vi preghiamo di non tenere conto di questo messaggio. Per qualsiasi chiarimento restiamo a Vostra disposizione.',
    );
    expect(lines.slice(-5)).toEqual([
      'Cordiali saluti',
      'ACME S.r.l.',
      'Via Roma 1, 00184 Roma (RM)',
      'P.IVA IT01234567890',
      'Tel. +39 06 1234567 · E-mail: amministrazione@acme.example',
    ]);
    expect(message.text).not.toContain('pagamento parziale');
    expect(message.text).not.toMatch(/\n{3,}/);
  });

  it('renders Italian level 2 (sollecito)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('it', 2), sampleData({ level: 2, daysFromDueDate: 7 }));
    const lines = textLines(message.text);

    expect(message.subject).toBe('Sollecito di pagamento – fattura n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l.');
    expect(lines[0]).toBe('Gentile Bianchi S.p.A.,');
    expect(lines).toContain(
      'dai nostri riscontri risulta che la rata 2 di 3 della fattura n. 12/2025 del 15/01/2025 (scadenza 15/02/2025) è scaduta da 7 giorni e non è ancora stata saldata.',
    );
    expect(lines).toContain('Importo da pagare: 1.234,56 €');
    expect(lines).toContain(
      'Vi preghiamo di provvedere al pagamento al più presto. In caso di difficoltà o di contestazioni, Vi invitiamo a contattarci per trovare insieme una soluzione.',
    );
    expect(lines).toContain('Se nel frattempo avete già effettuato il pagamento, Vi preghiamo di non tenere conto di questo messaggio.');
    expect(lines).toContain('Distinti saluti');
  });

  it('renders Italian level 3 (ultimo sollecito)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('it', 3), sampleData({ level: 3, daysFromDueDate: 30 }));
    const lines = textLines(message.text);

    expect(message.subject).toBe('Ultimo sollecito di pagamento – fattura n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l.');
    expect(lines).toContain(
      'nonostante i nostri precedenti solleciti, la rata 2 di 3 della fattura n. 12/2025 del 15/01/2025 (scadenza 15/02/2025) è scaduta da 30 giorni e non è ancora stata saldata.',
    );
    expect(lines).toContain(
      "Vi chiediamo pertanto di provvedere al pagamento dell'importo residuo con la massima urgenza. In mancanza di riscontro, ci vedremo costretti a valutare le opportune iniziative per la tutela del nostro credito.",
    );
    expect(lines).toContain(
      'Se il pagamento è già stato effettuato, Vi preghiamo di non tenere conto di questo messaggio e, se possibile, di inviarci copia della ricevuta di pagamento.',
    );
    expect(lines).toContain('Distinti saluti');
  });

  it('renders English level 1 (reminder)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('en', 1), sampleData({ language: 'en' }));
    const lines = textLines(message.text);

    expect(message.subject).toBe('Payment reminder – invoice no. 12/2025 of 15/01/2025, installment 2 of 3 – ACME S.r.l.');
    expect(lines[0]).toBe('Dear Bianchi S.p.A.,');
    expect(lines).toContain(
      'This is a friendly reminder that installment 2 of 3 of invoice no. 12/2025 of 15/01/2025 (due date 15/02/2025) is due in 3 days.',
    );
    expect(lines).toContain('Amount due: €1,234.56');
    expect(lines).toContain('Payment method: Bank transfer');
    expect(lines).toContain('IBAN: IT60 X054 2811 1010 0000 0123 456');
    expect(lines).toContain('Please find attached a courtesy copy of the invoice.');
    expect(lines).toContain('If you have already paid, please disregard this message. Please do not hesitate to contact us with any questions.');
    expect(lines.slice(-5)).toEqual([
      'Kind regards',
      'ACME S.r.l.',
      'Via Roma 1, 00184 Roma (RM)',
      'VAT no. IT01234567890',
      'Phone: +39 06 1234567 · E-mail: amministrazione@acme.example',
    ]);
  });

  it('renders English level 2 (payment request)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('en', 2), sampleData({ language: 'en', level: 2, daysFromDueDate: 7 }));
    const lines = textLines(message.text);

    expect(message.subject).toBe('Payment request – invoice no. 12/2025 of 15/01/2025, installment 2 of 3 – ACME S.r.l.');
    expect(lines).toContain(
      'According to our records, installment 2 of 3 of invoice no. 12/2025 of 15/01/2025 (due date 15/02/2025) is 7 days overdue and has not been paid yet.',
    );
    expect(lines).toContain(
      'Please arrange payment as soon as possible. If there is any difficulty or dispute, please contact us so that we can find a solution together.',
    );
    expect(lines).toContain('Best regards');
  });

  it('renders English level 3 (final request)', () => {
    const message = renderReminderMessage(defaultReminderTemplate('en', 3), sampleData({ language: 'en', level: 3, daysFromDueDate: 30 }));
    const lines = textLines(message.text);

    expect(message.subject).toBe('Final payment request – invoice no. 12/2025 of 15/01/2025, installment 2 of 3 – ACME S.r.l.');
    expect(lines).toContain(
      'Despite our previous reminders, installment 2 of 3 of invoice no. 12/2025 of 15/01/2025 (due date 15/02/2025) is 30 days overdue and has not been paid yet.',
    );
    expect(lines).toContain(
      'We therefore ask you to pay the outstanding amount as a matter of urgency. Failing this, we will have to consider appropriate steps to protect our claim.',
    );
    expect(lines).toContain('Yours sincerely');
  });

  it('rejects a level other than 1, 2 or 3', () => {
    expect(() => defaultReminderTemplate('it', 0)).toThrow(RangeError);
    expect(() => defaultReminderTemplate('it', 4)).toThrow('Invalid reminder level 4: expected 1, 2 or 3');
  });

  it('passes validation in every language and level', () => {
    for (const language of ['it', 'en'] as const) {
      for (const level of [1, 2, 3]) {
        expect(validateReminderTemplate(defaultReminderTemplate(language, level))).toEqual([]);
      }
    }
  });
});

describe('renderReminderMessage', () => {
  it('escapes client values in the HTML part', () => {
    const data = sampleData({ client: { displayName: '<script>alert(1)</script>' } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(message.text).toContain('Gentile <script>alert(1)</script>,');
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('Gentile &lt;script&gt;alert(1)&lt;/script&gt;,');
  });

  it('escapes ampersands and quotes in the HTML part', () => {
    const data = sampleData({ client: { displayName: 'Rossi & Figli "S.r.l."' } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(message.text).toContain('Gentile Rossi & Figli "S.r.l.",');
    expect(message.html).toContain('Gentile Rossi &amp; Figli &quot;S.r.l.&quot;,');
    expect(message.html).not.toContain('Rossi & Figli');
  });

  it('keeps a company name with CR LF on one subject line', () => {
    const data = sampleData({ company: { ...sampleData().company, name: 'ACME S.r.l.\r\nBcc: evil@example.com' } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).toBe(
      'Promemoria di pagamento – fattura n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l. Bcc: evil@example.com',
    );
    expect(textLines(message.text).some((line) => line.startsWith('Bcc:'))).toBe(false);
    expect(message.html).toContain('<title>Promemoria di pagamento – fattura n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l. Bcc: evil@example.com</title>');
  });

  it('removes line breaks written in the subject template', () => {
    const message = renderReminderMessage({ subject: 'Fattura\r\n{{invoiceNumber}}\tscade\u2028oggi   ', body: 'x' }, sampleData());

    expect(message.subject).toBe('Fattura 12/2025 scade oggi');
  });

  it('cuts a long subject to the maximum length', () => {
    const data = sampleData({ company: { ...sampleData().company, name: 'A'.repeat(400) } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(Array.from(message.subject)).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(message.subject.endsWith('…')).toBe(true);
  });

  it('builds the HTML part with lang, paragraphs and details', () => {
    const message = renderReminderMessage(defaultReminderTemplate('en', 1), sampleData({ language: 'en' }));

    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain('<p style="margin:0 0 14px 0;">Dear Bianchi S.p.A.,</p>');
    expect(message.html).toContain('Amount due: €1,234.56<br>Payment method: Bank transfer<br>IBAN: IT60 X054 2811 1010 0000 0123 456');
    expect(message.html).toContain('>Invoice no. 12/2025 of 15/01/2025</td>');
    expect(message.html).toContain('>2 of 3</td>');
    expect(message.html).toContain('<strong>ACME S.r.l.</strong>');
    expect(message.html).not.toMatch(/<style/i);
  });

  it('mentions a partial payment and the residual', () => {
    const installment = { ...sampleData().installment, amountPaid: '200.00', residual: '1034.56' };
    const italian = renderReminderMessage(defaultReminderTemplate('it', 2), sampleData({ installment, daysFromDueDate: 7 }));
    const english = renderReminderMessage(defaultReminderTemplate('en', 2), sampleData({ language: 'en', installment, daysFromDueDate: 7 }));

    expect(textLines(italian.text)).toContain('Importo da pagare: 1.034,56 €');
    expect(textLines(italian.text)).toContain(
      "Abbiamo già ricevuto un pagamento parziale di 200,00 € su 1.234,56 €: l'importo indicato è il residuo.",
    );
    expect(italian.html).toContain('>Già pagato</td>');
    expect(textLines(english.text)).toContain('Amount due: €1,034.56');
    expect(textLines(english.text)).toContain(
      'We have already received a partial payment of €200.00 out of €1,234.56. The amount above is the outstanding balance.',
    );
  });

  it('writes days in singular and plural', () => {
    const template = { subject: '{{dueTiming}}', body: '{{daysBeforeDue}}/{{daysOverdue}}' };
    const cases: Array<[ReminderMessageData['language'], number, string, string]> = [
      ['it', -3, 'scade tra 3 giorni', '3/0'],
      ['it', -1, 'scade tra 1 giorno', '1/0'],
      ['it', 0, 'scade oggi', '0/0'],
      ['it', 1, 'è scaduta da 1 giorno', '0/1'],
      ['it', 7, 'è scaduta da 7 giorni', '0/7'],
      ['en', -3, 'is due in 3 days', '3/0'],
      ['en', -1, 'is due in 1 day', '1/0'],
      ['en', 0, 'is due today', '0/0'],
      ['en', 1, 'is 1 day overdue', '0/1'],
      ['en', 7, 'is 7 days overdue', '0/7'],
    ];

    for (const [language, daysFromDueDate, subject, text] of cases) {
      const message = renderReminderMessage(template, sampleData({ language, daysFromDueDate }));
      expect({ language, daysFromDueDate, subject: message.subject, text: message.text }).toEqual({ language, daysFromDueDate, subject, text });
    }
  });

  it('omits installment, IBAN and attachment lines when they do not apply', () => {
    const data = sampleData({
      installment: { ...sampleData().installment, position: 1, count: 1, paymentMethod: 'MP01', iban: null },
      courtesyCopyAttached: false,
      company: { ...sampleData().company, vatNumber: null, phone: null, email: null, address: null },
    });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);
    const lines = textLines(message.text);

    expect(message.subject).toBe('Promemoria di pagamento – fattura n. 12/2025 del 15/01/2025 – ACME S.r.l.');
    expect(lines).toContain(
      'con la presente Vi ricordiamo cortesemente che la fattura n. 12/2025 del 15/01/2025 (scadenza 15/02/2025) scade tra 3 giorni.',
    );
    expect(lines).toContain('Modalità di pagamento: Contanti');
    expect(message.text).not.toContain('IBAN');
    expect(message.text).not.toContain('In allegato');
    expect(lines.slice(-2)).toEqual(['Cordiali saluti', 'ACME S.r.l.']);
  });

  it('uses the company IBAN when the installment has none', () => {
    const data = sampleData({
      installment: { ...sampleData().installment, iban: null },
      company: { ...sampleData().company, iban: 'IT02L1234512345123456789012' },
    });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(textLines(message.text)).toContain('IBAN: IT02 L123 4512 3451 2345 6789 012');
  });

  it('names other document types', () => {
    const data = sampleData({ invoice: { ...sampleData().invoice, documentType: 'TD06' } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(message.subject).toBe('Promemoria di pagamento – parcella n. 12/2025 del 15/01/2025, rata 2 di 3 – ACME S.r.l.');
  });

  it('prints values with template syntax literally', () => {
    const data = sampleData({ client: { displayName: '{{companyName}} {{#if x}}' } });
    const message = renderReminderMessage(defaultReminderTemplate('it', 1), data);

    expect(textLines(message.text)[0]).toBe('Gentile {{companyName}} {{#if x}},');
  });

  it('throws a clear error for a syntax error', () => {
    const render = () => renderReminderMessage({ subject: 'Fattura {{invoiceNumber}}', body: 'Gentile {{clientName' }, sampleData());

    expect(render).toThrow(ReminderTemplateError);
    expect(render).toThrow(/^Invalid reminder template: Syntax error in the body on line 1/);
  });
});

describe('validateReminderTemplate', () => {
  it('accepts every documented placeholder', () => {
    const body = REMINDER_PLACEHOLDERS.map((placeholder) => `${placeholder.name}: {{${placeholder.name}}}`).join('\n');

    expect(validateReminderTemplate({ subject: '{{companyName}}', body })).toEqual([]);
  });

  it('reports an unknown placeholder', () => {
    const problems = validateReminderTemplate({ subject: 'Fattura {{invoiceNumber}}', body: 'Gentile {{foo}}' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Unknown placeholder \{\{foo\}\} in the body\. Use one of: \{\{clientName\}\}, /);
  });

  it('reports an unknown placeholder in the subject', () => {
    const problems = validateReminderTemplate({ subject: 'Fattura {{invoice.number}}', body: 'x' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Unknown placeholder \{\{invoice\.number\}\} in the subject\./);
  });

  it('reports an unclosed tag with its line', () => {
    const problems = validateReminderTemplate({ subject: 'ok', body: 'Riga uno\nGentile {{clientName' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Syntax error in the body on line 2 near "Gentile \{\{clientName": /);
  });

  it('reports a control character in the source', () => {
    const problems = validateReminderTemplate({ subject: 'ok', body: 'Gentile {{clientName}}\u0000' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Syntax error in the body on line 1 near "Gentile \{\{clientName\}\}\\u0000": unrecognized text\./);
  });

  it('reports an unclosed block', () => {
    const problems = validateReminderTemplate({ subject: '{{#if iban}}IBAN', body: 'x' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Syntax error in the subject on line 1');
    expect(problems[0]).toContain('the text ends before a tag or block is closed');
  });

  it('reports mismatched block ends', () => {
    const problems = validateReminderTemplate({ subject: 'ok', body: '{{#if iban}}x{{/unless}}' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Syntax error in the body: if doesn't match unless/);
  });

  it('reports unsupported constructs', () => {
    const problems = validateReminderTemplate({
      subject: 'ok',
      body: '{{#each iban}}x{{/each}} {{> footer}} {{clientName "x"}} {{#if}}y{{/if}} {{constructor}} {{lookup iban 0}}',
    });

    expect(problems).toEqual([
      'Unsupported block {{#each}} in the body. Only {{#if …}} and {{#unless …}} blocks are allowed.',
      'Partials such as {{> footer}} are not supported in the body.',
      'The tag {{clientName …}} in the body passes arguments, which placeholders do not take. Write the placeholder alone, such as {{clientName}}.',
      'The block {{#if}} in the body needs exactly one placeholder, such as {{#if partiallyPaid}}.',
      expect.stringMatching(/^Unknown placeholder \{\{constructor\}\} in the body\./),
      'The tag {{lookup …}} in the body passes arguments, which placeholders do not take. Write the placeholder alone, such as {{clientName}}.',
    ]);
  });

  it('reports empty and missing fields', () => {
    expect(validateReminderTemplate({ subject: '  ', body: '' })).toEqual(['The subject is empty.', 'The body is empty.']);
    expect(validateReminderTemplate({ subject: 'ok' } as unknown as { subject: string; body: string })).toEqual([
      'The body is missing: expected the template source as text.',
    ]);
  });

  it('reports a body over the maximum length', () => {
    const problems = validateReminderTemplate({ subject: 'ok', body: 'x'.repeat(20_001) });

    expect(problems).toEqual(['The body has 20001 characters, more than the maximum of 20000.']);
  });

  it('mentions previous reminders only when some were sent', () => {
    const withPrevious = renderReminderMessage(defaultReminderTemplate('it', 3), sampleData({ level: 3, previousReminders: 2 }));
    const firstOne = renderReminderMessage(defaultReminderTemplate('it', 3), sampleData({ level: 3, previousReminders: 0 }));
    const english = renderReminderMessage(defaultReminderTemplate('en', 3), sampleData({ language: 'en', level: 3, previousReminders: 0 }));

    expect(withPrevious.text).toContain('nonostante i nostri precedenti solleciti,');
    expect(firstOne.text).not.toContain('precedenti solleciti');
    expect(firstOne.text).toContain('dai nostri riscontri risulta che la rata');
    expect(english.text).not.toContain('previous reminders');
    expect(english.text).toContain('According to our records,');
  });
});
