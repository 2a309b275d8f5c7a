import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { CompanyResponse, ReminderSettingsResponse } from '@solleciti/dto';
import { ALLOWED_REMINDER_OFFSETS } from '@solleciti/util';

import { CompanyContext } from '../../../core/company-context';
import { ReminderSettings } from './reminder-settings';

const SETTINGS_URL = '/api/companies/7/reminder-settings';
const EXCLUDED_URL = '/api/companies/7/reminder-settings/excluded-clients';

const SAVED: ReminderSettingsResponse = {
  companyId: 7,
  enabled: true,
  attachCourtesyCopy: false,
  offsets: [-3, 0, 7],
  catchUpDays: 3,
  allowedOffsets: [...ALLOWED_REMINDER_OFFSETS],
  maxReminders: 3,
  maxCatchUpDays: 7,
};

describe('ReminderSettings', () => {
  let fixture: ComponentFixture<ReminderSettings>;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;
  let httpMock: HttpTestingController;

  async function render(settings: ReminderSettingsResponse = SAVED): Promise<void> {
    fixture = TestBed.createComponent(ReminderSettings);
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();

    httpMock.expectOne(SETTINGS_URL).flush(settings);
    // The excluded clients list renders, and requests its first page, once the settings are shown.
    await fixture.whenStable();
    flushExcludedClients();
    await fixture.whenStable();
  }

  function flushExcludedClients(): void {
    httpMock
      .expectOne((request) => request.url === EXCLUDED_URL)
      .flush({ items: [], total: 0, page: 1, pageSize: 10 });
  }

  function offsetSelects(): Promise<MatSelectHarness[]> {
    return loader.getAllHarnesses(MatSelectHarness.with({ selector: '.settings-offset-select' }));
  }

  function countSelect(): Promise<MatSelectHarness> {
    return loader.getHarness(
      MatSelectHarness.with({ selector: '[formControlName="reminderCount"]' }),
    );
  }

  function button(text: string): Promise<MatButtonHarness> {
    return loader.getHarness(MatButtonHarness.with({ text }));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReminderSettings],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi Srl' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
  });

  it('shows the saved days as words', async () => {
    await render();

    const selects = await offsetSelects();
    const texts = await Promise.all(selects.map((select) => select.getValueText()));
    expect(texts).toEqual([
      '3 giorni prima della scadenza',
      'Il giorno della scadenza',
      '7 giorni dopo la scadenza',
    ]);
  });

  it('offers every allowed day as words', async () => {
    await render();

    const [first] = await offsetSelects();
    await first.open();
    // Reading the overlay once is much faster than one harness call per option.
    const labels = Array.from(
      document.querySelectorAll('.mat-mdc-select-panel mat-option'),
      (option) => option.textContent?.trim(),
    );

    expect(labels).toHaveLength(ALLOWED_REMINDER_OFFSETS.length);
    expect(labels).toContain('30 giorni prima della scadenza');
    expect(labels).toContain('1 giorno prima della scadenza');
    expect(labels).toContain('Il giorno della scadenza');
    expect(labels).toContain('1 giorno dopo la scadenza');
    expect(labels).toContain('7 giorni dopo la scadenza');
  });

  it('shows the saved switches and catch-up days', async () => {
    await render();

    const toggle = await loader.getHarness(MatSlideToggleHarness);
    expect(await toggle.getLabelText()).toBe('Invio solleciti automatici');
    expect(await toggle.isChecked()).toBe(true);

    const checkbox = await loader.getHarness(MatCheckboxHarness);
    expect(await checkbox.getLabelText()).toBe(
      'Invia con il sollecito una copia di cortesia della fattura',
    );
    expect(await checkbox.isChecked()).toBe(false);

    const catchUp = await loader.getHarness(MatInputHarness);
    expect(await catchUp.getValue()).toBe('3');
  });

  it('shows the due-date note', async () => {
    await render();

    expect(fixture.nativeElement.textContent).toContain('cambia anche il giorno di invio');
  });

  it('disables Salva while nothing changed', async () => {
    await render();

    expect(await (await button('Salva')).isDisabled()).toBe(true);
    expect(await (await button('Annulla')).isDisabled()).toBe(true);
  });

  it('rejects a reminder not after the one before', async () => {
    await render();

    const [, second] = await offsetSelects();
    await second.clickOptions({ text: '30 giorni prima della scadenza' });

    const fields = await loader.getAllHarnesses(
      MatFormFieldHarness.with({ floatingLabelText: 'Giorni' }),
    );
    expect(await fields[1].getTextErrors()).toEqual([
      'Il sollecito 2 deve partire dopo il sollecito 1',
    ]);
    // The third reminder (7 days after) is still after the second, so only the second is wrong.
    expect(await fields[2].getTextErrors()).toEqual([]);
    expect(await (await button('Salva')).isDisabled()).toBe(true);
  });

  it('clears the order error once fixed', async () => {
    await render();

    const [, second] = await offsetSelects();
    await second.clickOptions({ text: '30 giorni prima della scadenza' });
    await second.clickOptions({ text: '1 giorno dopo la scadenza' });

    const fields = await loader.getAllHarnesses(
      MatFormFieldHarness.with({ floatingLabelText: 'Giorni' }),
    );
    expect(await fields[1].getTextErrors()).toEqual([]);
    expect(await (await button('Salva')).isDisabled()).toBe(false);
  });

  it('removes and adds dropdowns with the count', async () => {
    await render({ ...SAVED, offsets: [-3] });

    expect(await offsetSelects()).toHaveLength(1);

    await (await countSelect()).clickOptions({ text: '3' });
    const selects = await offsetSelects();
    const texts = await Promise.all(selects.map((select) => select.getValueText()));
    expect(texts).toEqual([
      '3 giorni prima della scadenza',
      'Il giorno della scadenza',
      '7 giorni dopo la scadenza',
    ]);

    await (await countSelect()).clickOptions({ text: '2' });
    expect(await offsetSelects()).toHaveLength(2);
  });

  it('adds a later default after a late reminder', async () => {
    await render({ ...SAVED, offsets: [10] });

    await (await countSelect()).clickOptions({ text: '2' });

    const [, second] = await offsetSelects();
    // The default for reminder 2 (the due date) is before 10 days after, so the next allowed value is used.
    expect(await second.getValueText()).toBe('15 giorni dopo la scadenza');
  });

  it('sends the edited settings with Salva', async () => {
    await render();

    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    await (await loader.getHarness(MatCheckboxHarness)).check();
    await (await countSelect()).clickOptions({ text: '2' });
    const [, second] = await offsetSelects();
    await second.clickOptions({ text: '1 giorno dopo la scadenza' });
    await (await loader.getHarness(MatInputHarness)).setValue('5');

    await (await button('Salva')).click();

    const request = httpMock.expectOne(SETTINGS_URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      enabled: false,
      attachCourtesyCopy: true,
      offsets: [-3, 1],
      catchUpDays: 5,
    });

    request.flush({
      ...SAVED,
      enabled: false,
      attachCourtesyCopy: true,
      offsets: [-3, 1],
      catchUpDays: 5,
    });
    await fixture.whenStable();

    const snackBar = await documentLoader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Impostazioni salvate');
    expect(await (await button('Salva')).isDisabled()).toBe(true);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('restores the saved values with Annulla', async () => {
    await render();

    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    await (await countSelect()).clickOptions({ text: '1' });
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);

    await (await button('Annulla')).click();

    expect(await (await loader.getHarness(MatSlideToggleHarness)).isChecked()).toBe(true);
    const texts = await Promise.all((await offsetSelects()).map((select) => select.getValueText()));
    expect(texts).toEqual([
      '3 giorni prima della scadenza',
      'Il giorno della scadenza',
      '7 giorni dopo la scadenza',
    ]);
    expect(await (await countSelect()).getValueText()).toBe('3');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('restores a changed dropdown with Annulla', async () => {
    await render();

    const [, second] = await offsetSelects();
    await second.clickOptions({ text: '30 giorni prima della scadenza' });
    await (await button('Annulla')).click();

    const texts = await Promise.all((await offsetSelects()).map((select) => select.getValueText()));
    expect(texts).toEqual([
      '3 giorni prima della scadenza',
      'Il giorno della scadenza',
      '7 giorni dopo la scadenza',
    ]);
    const fields = await loader.getAllHarnesses(
      MatFormFieldHarness.with({ floatingLabelText: 'Giorni' }),
    );
    expect(await fields[1].getTextErrors()).toEqual([]);
  });

  it('shows the saved values after Salva', async () => {
    await render();

    const [, second] = await offsetSelects();
    await second.clickOptions({ text: '1 giorno dopo la scadenza' });
    await (await button('Salva')).click();
    httpMock.expectOne(SETTINGS_URL).flush({ ...SAVED, offsets: [-3, 1, 7] });
    await fixture.whenStable();

    await second.clickOptions({ text: '2 giorni dopo la scadenza' });
    await (await button('Salva')).click();
    const put = httpMock.expectOne(SETTINGS_URL);
    expect(put.request.body.offsets).toEqual([-3, 2, 7]);
    put.flush({ ...SAVED, offsets: [-3, 2, 7] });
    await fixture.whenStable();

    expect(await second.getValueText()).toBe('2 giorni dopo la scadenza');
  });

  it('rejects catch-up days over the maximum', async () => {
    await render();

    const input = await loader.getHarness(MatInputHarness);
    await input.setValue('8');
    await input.blur();

    const field = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Recupero invii mancati (giorni)' }),
    );
    expect(await field.getTextErrors()).toEqual(['Inserisci un numero intero da 0 a 7']);
    expect(await (await button('Salva')).isDisabled()).toBe(true);
  });

  it('shows an API error from Salva', async () => {
    await render();
    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    await (await button('Salva')).click();

    httpMock
      .expectOne(SETTINGS_URL)
      .flush(
        { message: ['catchUpDays must be a whole number of days from 0 to 7, got 9'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();

    const alert = fixture.nativeElement.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Dati non validi: catchUpDays must be a whole number');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('shows a load error with Riprova', async () => {
    fixture = TestBed.createComponent(ReminderSettings);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    httpMock.expectOne(SETTINGS_URL).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    const alert = fixture.nativeElement.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Errore del server. Riprova tra poco.');

    await (await button('Riprova')).click();
    httpMock.expectOne(SETTINGS_URL).flush(SAVED);
    await fixture.whenStable();
    flushExcludedClients();
    await fixture.whenStable();

    expect(await offsetSelects()).toHaveLength(3);
  });

  it('asks the browser to confirm unload while dirty', async () => {
    await render();

    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});
