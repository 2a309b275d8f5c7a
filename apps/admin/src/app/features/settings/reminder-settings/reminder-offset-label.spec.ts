import { describeReminderOffset } from './reminder-offset-label';

describe('describeReminderOffset', () => {
  it.each([
    [-30, '30 giorni prima della scadenza'],
    [-2, '2 giorni prima della scadenza'],
    [-1, '1 giorno prima della scadenza'],
    [0, 'Il giorno della scadenza'],
    [1, '1 giorno dopo la scadenza'],
    [7, '7 giorni dopo la scadenza'],
  ])('writes %i as words', (offset, words) => {
    expect(describeReminderOffset(offset)).toBe(words);
  });
});
