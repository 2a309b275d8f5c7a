import { ALLOWED_REMINDER_OFFSETS } from '@solleciti/util';

import { defaultOffsetFor, outOfOrderIndexes } from './reminder-settings-form';

describe('reminder settings form helpers', () => {
  it('finds reminders not after the previous one', () => {
    expect(outOfOrderIndexes([-3, 0, 7])).toEqual([]);
    expect(outOfOrderIndexes([0, 0, 7])).toEqual([1]);
    expect(outOfOrderIndexes([7, 0, -3])).toEqual([1, 2]);
  });

  it('uses the product defaults when they fit', () => {
    expect(defaultOffsetFor(0, undefined, ALLOWED_REMINDER_OFFSETS)).toBe(-3);
    expect(defaultOffsetFor(1, -3, ALLOWED_REMINDER_OFFSETS)).toBe(0);
    expect(defaultOffsetFor(2, 0, ALLOWED_REMINDER_OFFSETS)).toBe(7);
  });

  it('picks the next allowed day after a late reminder', () => {
    expect(defaultOffsetFor(1, 10, ALLOWED_REMINDER_OFFSETS)).toBe(15);
    expect(defaultOffsetFor(2, 15, ALLOWED_REMINDER_OFFSETS)).toBe(20);
  });

  it('falls back to the last day after the last allowed day', () => {
    expect(defaultOffsetFor(2, 90, ALLOWED_REMINDER_OFFSETS)).toBe(90);
  });
});
