import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ReminderSettingsResponse } from '@solleciti/dto';
import { DEFAULT_REMINDER_OFFSETS } from '@solleciti/util';

import { ReminderSettingsUpdate } from './reminder-settings.api';

export type ReminderSettingsForm = FormGroup<{
  enabled: FormControl<boolean>;
  attachCourtesyCopy: FormControl<boolean>;
  /** How many "Giorni" dropdowns are shown. `offsets` follows it. */
  reminderCount: FormControl<number>;
  offsets: FormArray<FormControl<number>>;
  catchUpDays: FormControl<number | null>;
}>;

/** Error key set on the offsets array, with the indexes of the reminders that are not later than the one before. */
export const REMINDER_ORDER_ERROR = 'reminderOrder';

export function createReminderSettingsForm(): ReminderSettingsForm {
  return new FormGroup({
    enabled: new FormControl(false, { nonNullable: true }),
    attachCourtesyCopy: new FormControl(false, { nonNullable: true }),
    reminderCount: new FormControl(1, { nonNullable: true }),
    offsets: new FormArray<FormControl<number>>([], { validators: [increasingOffsetsValidator] }),
    catchUpDays: new FormControl<number | null>(0, {
      validators: [Validators.required, Validators.min(0), Validators.pattern(/^\d+$/)],
    }),
  });
}

/** Returns the indexes of the reminders that do not come after the reminder before them. */
export function outOfOrderIndexes(offsets: readonly number[]): number[] {
  return offsets.flatMap((offset, index) =>
    index > 0 && offset <= offsets[index - 1] ? [index] : [],
  );
}

function increasingOffsetsValidator(control: AbstractControl): ValidationErrors | null {
  const indexes = outOfOrderIndexes(control.value as number[]);

  return indexes.length > 0 ? { [REMINDER_ORDER_ERROR]: indexes } : null;
}

export function createOffsetControl(offset: number): FormControl<number> {
  return new FormControl(offset, { nonNullable: true, validators: [Validators.required] });
}

/**
 * Returns the offset a newly added reminder starts with: the product default for its position when
 * that comes after the previous reminder, otherwise the first allowed offset after the previous one.
 * After the largest allowed offset no later value exists, so the largest is returned and the order
 * error prompts the user to choose another value.
 */
export function defaultOffsetFor(
  index: number,
  previous: number | undefined,
  allowed: readonly number[],
): number {
  const isLater = (offset: number) => previous === undefined || offset > previous;
  const preferred = DEFAULT_REMINDER_OFFSETS[index];

  if (preferred !== undefined && allowed.includes(preferred) && isLater(preferred)) {
    return preferred;
  }

  return allowed.find(isLater) ?? allowed[allowed.length - 1];
}

/**
 * Puts saved settings into the form and marks it pristine. The offsets array keeps its existing
 * controls and only grows or shrinks, so the dropdowns already shown stay bound to their controls.
 */
export function fillReminderSettingsForm(
  form: ReminderSettingsForm,
  settings: ReminderSettingsResponse,
): void {
  const offsets = form.controls.offsets;

  while (offsets.length > settings.offsets.length) {
    offsets.removeAt(offsets.length - 1, { emitEvent: false });
  }
  while (offsets.length < settings.offsets.length) {
    offsets.push(createOffsetControl(settings.offsets[offsets.length]), { emitEvent: false });
  }
  form.controls.catchUpDays.setValidators([
    Validators.required,
    Validators.min(0),
    Validators.max(settings.maxCatchUpDays),
    Validators.pattern(/^\d+$/),
  ]);
  form.setValue({
    enabled: settings.enabled,
    attachCourtesyCopy: settings.attachCourtesyCopy,
    reminderCount: settings.offsets.length,
    offsets: settings.offsets,
    catchUpDays: settings.catchUpDays,
  });
  form.markAsPristine();
  form.markAsUntouched();
}

/** Returns the PUT body for the form's current values. */
export function toSettingsUpdate(form: ReminderSettingsForm): ReminderSettingsUpdate {
  const value = form.getRawValue();

  return {
    enabled: value.enabled,
    attachCourtesyCopy: value.attachCourtesyCopy,
    offsets: value.offsets,
    catchUpDays: value.catchUpDays ?? 0,
  };
}

/** Returns whether two settings bodies are the same, so "Salva" has nothing to send. */
export function sameSettings(left: ReminderSettingsUpdate, right: ReminderSettingsUpdate): boolean {
  return (
    left.enabled === right.enabled &&
    left.attachCourtesyCopy === right.attachCourtesyCopy &&
    left.catchUpDays === right.catchUpDays &&
    left.offsets.length === right.offsets.length &&
    left.offsets.every((offset, index) => offset === right.offsets[index])
  );
}
