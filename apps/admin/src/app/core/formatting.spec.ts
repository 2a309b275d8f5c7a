import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { MoneyPipe, PlainDatePipe, RomeDateTimePipe } from './formatting';

describe('formatting pipes', () => {
  it('formats money the Italian way without floating point', () => {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: 'it-IT' }] });
    const pipe = TestBed.runInInjectionContext(() => new MoneyPipe());

    expect(pipe.transform('1234.56')).toBe('1.234,56 €');
    expect(pipe.transform('0.1')).toBe('0,10 €');
    expect(pipe.transform(null)).toBe('—');
  });

  it('formats money the English way in the English build', () => {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: 'en' }] });
    const pipe = TestBed.runInInjectionContext(() => new MoneyPipe());

    expect(pipe.transform('1234.56')).toBe('€1,234.56');
  });

  it('formats plain dates as dd/MM/yyyy with no time-zone shift', () => {
    const pipe = new PlainDatePipe();

    expect(pipe.transform('2025-03-31')).toBe('31/03/2025');
    expect(pipe.transform('2025-02-30')).toBe('—');
  });

  it('formats instants day first in Europe/Rome', () => {
    const pipe = new RomeDateTimePipe();

    // Summer time (UTC+2), winter time (UTC+1) and an instant that is already the next day in Rome.
    expect(pipe.transform('2025-06-01T08:30:00.000Z')).toBe('01/06/2025, 10:30');
    expect(pipe.transform('2025-01-15T08:30:00.000Z')).toBe('15/01/2025, 09:30');
    expect(pipe.transform('2025-12-31T23:05:00.000Z')).toBe('01/01/2026, 00:05');
    expect(pipe.transform(null)).toBe('—');
    expect(pipe.transform('not a date')).toBe('—');
  });
});
