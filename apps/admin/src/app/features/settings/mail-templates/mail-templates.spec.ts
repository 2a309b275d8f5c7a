import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import type {
  CompanyResponse,
  MailSettingsResponse,
  MailTemplatePreviewResponse,
  MailTemplateResponse,
  ReminderPlaceholderResponse,
} from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { MailTemplates } from './mail-templates';

const API = '/api/companies/7';

function defaultTemplates(): MailTemplateResponse[] {
  return [1, 2, 3].flatMap((level) =>
    (['it', 'en'] as const).map((language) => ({
      level,
      language,
      subject: `Sollecito ${level} ${language} {{invoiceNumber}}`,
      body: `Gentile {{clientName}},\nlivello ${level} ${language}.`,
      isDefault: true,
    })),
  );
}

const PLACEHOLDERS: ReminderPlaceholderResponse[] = [
  { name: 'clientName', description: { it: 'Nome del cliente', en: 'Client name' } },
  { name: 'invoiceNumber', description: { it: 'Numero della fattura', en: 'Invoice number' } },
];

const SAMPLE_PREVIEW: MailTemplatePreviewResponse = {
  subject: 'Sollecito 1 it FT-1',
  text: 'Gentile Mario Rossi,\nlivello 1 it.',
  html: '<p>Gentile Mario Rossi,</p>',
  source: 'sample',
  installmentId: null,
  invoiceNumber: null,
};

describe('MailTemplates', () => {
  let fixture: ComponentFixture<MailTemplates>;
  let loader: HarnessLoader;
  let httpTesting: HttpTestingController;

  /** Lets the component's awaited HTTP results land, then waits for change detection. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(options: { templates?: MailTemplateResponse[]; configured?: boolean } = {}): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi S.r.l.' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpTesting = TestBed.inject(HttpTestingController);

    fixture = TestBed.createComponent(MailTemplates);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: `${API}/mail-templates` }).flush(options.templates ?? defaultTemplates());
    httpTesting.expectOne({ method: 'GET', url: `${API}/mail-templates/placeholders` }).flush(PLACEHOLDERS);
    await settle();
    httpTesting
      .expectOne({ method: 'GET', url: `${API}/mail-settings` })
      .flush({ companyId: 7, configured: options.configured ?? true } as MailSettingsResponse);
    await settle();
  }

  async function field(label: string): Promise<MatInputHarness> {
    const formField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await formField.getControl(MatInputHarness);
    if (!control) {
      throw new Error(`No input in the form field "${label}"`);
    }

    return control;
  }

  function element<T extends Element>(selector: string): T {
    const found = (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
    if (!found) {
      throw new Error(`No element matches ${selector}`);
    }

    return found;
  }

  /** Waits past the preview debounce and responds to the preview request. */
  async function answerPreview(preview: MailTemplatePreviewResponse | { status: 400; message: string[] }) {
    await new Promise((resolve) => setTimeout(resolve, 450));
    const request = httpTesting.expectOne({ method: 'POST', url: `${API}/mail-templates/preview` });
    if ('status' in preview) {
      request.flush({ message: preview.message }, { status: 400, statusText: 'Bad Request' });
    } else {
      request.flush(preview);
    }
    await settle();

    return request.request.body;
  }

  it('shows the level 1 Italian template first', async () => {
    await render();

    expect(await (await field('Oggetto')).getValue()).toBe('Sollecito 1 it {{invoiceNumber}}');
    expect(await (await field('Testo')).getValue()).toBe('Gentile {{clientName}},\nlivello 1 it.');
    expect(fixture.nativeElement.textContent).toContain('Numero della fattura');
  });

  it('inserts a placeholder at the body cursor', async () => {
    await render();
    const body = element<HTMLTextAreaElement>('textarea');
    body.focus();
    body.setSelectionRange(8, 8);

    await (await loader.getHarness(MatButtonHarness.with({ text: '{{invoiceNumber}}' }))).click();

    expect(await (await field('Testo')).getValue()).toBe('Gentile {{invoiceNumber}}{{clientName}},\nlivello 1 it.');
    expect(body.selectionStart).toBe(8 + '{{invoiceNumber}}'.length);
  });

  it('inserts a placeholder into the subject', async () => {
    await render();
    const subjectHarness = await field('Oggetto');
    await subjectHarness.setValue('Promemoria ');
    const subject = element<HTMLInputElement>('input[formcontrolname="subject"]');
    subject.focus();
    subject.setSelectionRange(11, 11);

    await (await loader.getHarness(MatButtonHarness.with({ text: '{{clientName}}' }))).click();

    expect(await subjectHarness.getValue()).toBe('Promemoria {{clientName}}');
  });

  it('replaces the selected text with the placeholder', async () => {
    await render();
    const body = element<HTMLTextAreaElement>('textarea');
    body.focus();
    body.setSelectionRange(0, 7);

    await (await loader.getHarness(MatButtonHarness.with({ text: '{{clientName}}' }))).click();

    expect(await (await field('Testo')).getValue()).toBe('{{clientName}} {{clientName}},\nlivello 1 it.');
  });

  it('saves the chosen level and language', async () => {
    await render();
    await (await loader.getHarness(MatTabGroupHarness)).selectTab({ label: '2° sollecito' });
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Inglese' });
    expect(await (await field('Oggetto')).getValue()).toBe('Sollecito 2 en {{invoiceNumber}}');
    await (await field('Oggetto')).setValue('Reminder {{invoiceNumber}}');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpTesting.expectOne({ method: 'PUT', url: `${API}/mail-templates/2/en` });
    expect(request.request.body).toEqual({
      subject: 'Reminder {{invoiceNumber}}',
      body: 'Gentile {{clientName}},\nlivello 2 en.',
    });
    request.flush({ level: 2, language: 'en', subject: 'Reminder {{invoiceNumber}}', body: request.request.body.body, isDefault: false });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Modello salvato.');
    expect(fixture.nativeElement.textContent).toContain('Modello personalizzato');
  });

  it('lists the problems of a rejected template', async () => {
    await render();
    await (await field('Testo')).setValue('Gentile {{nomeSbagliato}}');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    httpTesting
      .expectOne({ method: 'PUT', url: `${API}/mail-templates/1/it` })
      .flush({ message: ['Unknown placeholder {{nomeSbagliato}} in the body.'] }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Il modello non è stato salvato perché contiene errori:');
    expect(fixture.nativeElement.textContent).toContain('Unknown placeholder {{nomeSbagliato}} in the body.');
  });

  it('keeps unsaved edits when switching level', async () => {
    await render();
    await (await field('Oggetto')).setValue('Bozza');
    const tabs = await loader.getHarness(MatTabGroupHarness);

    await tabs.selectTab({ label: '3° sollecito' });
    expect(await (await field('Oggetto')).getValue()).toBe('Sollecito 3 it {{invoiceNumber}}');
    await tabs.selectTab({ label: '1° sollecito' });

    expect(await (await field('Oggetto')).getValue()).toBe('Bozza');
    expect(fixture.nativeElement.textContent).toContain('modifiche non salvate');
  });

  it('restores the default with DELETE', async () => {
    const templates = defaultTemplates();
    templates[0] = { ...templates[0], subject: 'Personalizzato', isDefault: false };
    await render({ templates });

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Ripristina modello predefinito' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Ripristina' }))).click();
    await settle();

    httpTesting
      .expectOne({ method: 'DELETE', url: `${API}/mail-templates/1/it` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    httpTesting.expectOne({ method: 'GET', url: `${API}/mail-templates` }).flush(defaultTemplates());
    await settle();
    expect(await (await field('Oggetto')).getValue()).toBe('Sollecito 1 it {{invoiceNumber}}');
    expect(fixture.nativeElement.textContent).toContain('Modello predefinito ripristinato.');
  });

  it('disables restore for a default template', async () => {
    await render();

    const restore = await loader.getHarness(MatButtonHarness.with({ text: 'Ripristina modello predefinito' }));
    expect(await restore.isDisabled()).toBe(true);
  });

  it('warns when the company has no server', async () => {
    await render({ configured: false });

    const notice = element<HTMLElement>('[data-testid="server-notice"]');
    expect(notice.textContent).toContain('i modelli qui sotto non vengono usati');
    expect(notice.querySelector('a')?.getAttribute('href')).toBe('/impostazioni/server-di-posta');
  });

  it('hides the warning with a configured server', async () => {
    await render({ configured: true });

    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="server-notice"]')).toBeNull();
  });

  it('previews the edited template in a sandboxed frame', async () => {
    await render();
    await (await field('Oggetto')).setValue('Nuovo oggetto');

    const body = await answerPreview(SAMPLE_PREVIEW);

    expect(body).toEqual({ level: 1, language: 'it', subject: 'Nuovo oggetto', body: 'Gentile {{clientName}},\nlivello 1 it.' });
    const frame = element<HTMLIFrameElement>('iframe');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Gentile Mario Rossi,</p>');
    expect(element('[data-testid="preview-source"]').textContent).toContain('dati di esempio');
    expect(element('[data-testid="preview-text"]').textContent).toBe('Gentile Mario Rossi,\nlivello 1 it.');
  });

  it('names the invoice of a real installment preview', async () => {
    await render();

    await answerPreview({ ...SAMPLE_PREVIEW, source: 'installment', installmentId: 12, invoiceNumber: 'FT-2025/17' });

    expect(element('[data-testid="preview-source"]').textContent).toContain('rata aperta (fattura FT-2025/17)');
  });

  it('shows preview problems', async () => {
    await render();

    await answerPreview({ status: 400, message: ['Unknown placeholder {{x}} in the subject.'] });

    expect(element('[data-testid="preview-problems"]').textContent).toContain('Unknown placeholder {{x}} in the subject.');
  });
});
