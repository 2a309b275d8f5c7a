import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { MoneyPipe, PlainDatePipe } from './formatting';

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
});
