import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ReminderAttentionResponse } from '@solleciti/dto';

import { CompanyContext } from '../../core/company-context';
import { ReminderAttention } from './reminder-attention';

describe('ReminderAttention', () => {
  let fixture: ComponentFixture<ReminderAttention>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReminderAttention],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CompanyContext, useValue: { apiUrl: (path = '') => `/api/companies/7${path}`, currentId: signal(7) } },
      ],
    });
    fixture = TestBed.createComponent(ReminderAttention);
    http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  async function respond(counts: ReminderAttentionResponse): Promise<HTMLElement> {
    TestBed.tick();
    http.expectOne('/api/companies/7/reminders/attention').flush(counts);
    await fixture.whenStable();

    return fixture.nativeElement as HTMLElement;
  }

  it('lists each count with a link', async () => {
    const element = await respond({ failed: 2, partlyRefused: 1, retrying: 3, uncertain: 1 });
    const links = Array.from(element.querySelectorAll('a'));

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Solleciti da controllare');
    expect(links.map((link) => link.textContent?.trim())).toEqual([
      '2 solleciti non riusciti negli ultimi 30 giorni',
      '1 sollecito inviato con indirizzi rifiutati negli ultimi 30 giorni',
      '3 solleciti in nuovo tentativo',
      '1 sollecito da verificare (consegna incerta)',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/solleciti?status=failed',
      '/solleciti?status=sent&rejectedRecipients=true',
      '/solleciti?status=retry',
      '/solleciti?status=uncertain',
    ]);
  });

  it('shows nothing when all is well', async () => {
    const element = await respond({ failed: 0, partlyRefused: 0, retrying: 0, uncertain: 0 });

    expect(element.querySelector('section')).toBeNull();
  });
});
