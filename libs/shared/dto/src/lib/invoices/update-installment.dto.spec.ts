import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { UpdateInstallmentDto } from './update-installment.dto';

function errorsOf(value: object): string[] {
  return validateSync(plainToInstance(UpdateInstallmentDto, value)).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe(UpdateInstallmentDto.name, () => {
  it('accepts a due date, an amount and a payment date', () => {
    expect(errorsOf({ dueDate: '2024-02-29', amountPaid: '100.50', paidOn: '2024-03-01' })).toEqual([]);
  });

  it('rejects an impossible due date, naming the value', () => {
    expect(errorsOf({ dueDate: '2017-02-30' })).toEqual([
      'dueDate must be a calendar date as YYYY-MM-DD, got "2017-02-30"',
    ]);
  });

  it('rejects an amount given as a number or with a comma', () => {
    expect(errorsOf({ amountPaid: 100.5 })[0]).toContain('amountPaid must be an amount such as "1234.50"');
    expect(errorsOf({ amountPaid: '100,50' })[0]).toContain('got "100,50"');
  });

  it('accepts null to clear the due date', () => {
    expect(errorsOf({ dueDate: null })).toEqual([]);
  });
});
