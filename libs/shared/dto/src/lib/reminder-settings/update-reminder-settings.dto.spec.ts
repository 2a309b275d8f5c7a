import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { UpdateReminderSettingsDto } from './update-reminder-settings.dto';

function errorsOf(value: object): string[] {
  return validateSync(plainToInstance(UpdateReminderSettingsDto, value)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
}

describe(UpdateReminderSettingsDto.name, () => {
  const valid = { enabled: true, attachCourtesyCopy: true, offsets: [-3, 0, 7], catchUpDays: 3 };

  it('accepts three increasing allowed offsets', () => {
    expect(errorsOf(valid)).toEqual([]);
  });

  it('rejects an offset that is not in the dropdown', () => {
    expect(errorsOf({ ...valid, offsets: [-3, 4] })).toEqual([
      expect.stringContaining('offsets[1] = 4 is not allowed'),
    ]);
  });

  it('rejects offsets that are not strictly increasing', () => {
    expect(errorsOf({ ...valid, offsets: [7, 0] })).toEqual([
      'offsets[1] = 0 must be later than offsets[0] = 7',
    ]);
  });

  it('rejects more than three offsets', () => {
    expect(errorsOf({ ...valid, offsets: [-3, 0, 7, 15] }).join(' ')).toContain('offsets must contain no more than 3 elements');
  });

  it('rejects a catch-up window over seven days', () => {
    expect(errorsOf({ ...valid, catchUpDays: 8 })).toEqual(['catchUpDays must be a whole number of days from 0 to 7, got 8']);
  });
});
