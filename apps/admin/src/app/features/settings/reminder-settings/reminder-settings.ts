import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { ErrorStateMatcher, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ReminderSettingsResponse } from '@solleciti/dto';
import { ALLOWED_REMINDER_OFFSETS, MAX_CATCH_UP_DAYS, MAX_REMINDER_LEVELS } from '@solleciti/util';
import { map } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { describeHttpError } from '../../../core/http-error';
import { ExcludedClients } from './excluded-clients';
import { describeReminderOffset } from './reminder-offset-label';
import { ReminderSettingsApi } from './reminder-settings.api';
import {
  REMINDER_ORDER_ERROR,
  createOffsetControl,
  createReminderSettingsForm,
  defaultOffsetFor,
  fillReminderSettingsForm,
  sameSettings,
  toSettingsUpdate,
} from './reminder-settings-form';
import { HasUnsavedChanges } from './unsaved-changes.guard';

interface OffsetOption {
  value: number;
  label: string;
}

/**
 * Impostazioni › Generali › Solleciti: whether and when reminders go out, with the list of excluded
 * clients below. The settings are saved with "Salva", while the excluded list changes at once.
 */
@Component({
  selector: 'sol-reminder-settings',
  imports: [
    ReactiveFormsModule,
    ExcludedClients,
    MatButton,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
  ],
  templateUrl: './reminder-settings.html',
  styleUrl: './reminder-settings.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class ReminderSettings implements HasUnsavedChanges {
  private readonly api = inject(ReminderSettingsApi);
  private readonly companyContext = inject(CompanyContext);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = createReminderSettingsForm();

  /** The settings as last loaded or saved, or null until the first load succeeds. */
  protected readonly saved = signal<ReminderSettingsResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly offsetOptions = computed<OffsetOption[]>(() =>
    (this.saved()?.allowedOffsets ?? ALLOWED_REMINDER_OFFSETS).map((value) => ({
      value,
      label: describeReminderOffset(value),
    })),
  );
  protected readonly reminderCounts = computed(() =>
    Array.from(
      { length: this.saved()?.maxReminders ?? MAX_REMINDER_LEVELS },
      (_, index) => index + 1,
    ),
  );
  protected readonly maxCatchUpDays = computed(
    () => this.saved()?.maxCatchUpDays ?? MAX_CATCH_UP_DAYS,
  );

  /** Snapshot of the form, renewed on every form event so that the computed signals below follow it. */
  private readonly formState = toSignal(this.form.events.pipe(map(() => this.readFormState())), {
    initialValue: this.readFormState(),
  });
  /** Indexes of the "Giorni" dropdowns that are not later than the one before. */
  protected readonly outOfOrder = computed(() => this.formState().outOfOrder);
  protected readonly hasChanges = computed(() => {
    const saved = this.saved();
    const state = this.formState();

    return saved !== null && (state.catchUpDaysEmpty || !sameSettings(state.update, saved));
  });
  protected readonly canSave = computed(
    () => this.formState().valid && this.hasChanges() && !this.saving() && !this.loading(),
  );

  /**
   * One matcher per dropdown: the order error shows as soon as it exists, not only after the
   * dropdown was touched, because it comes from choosing another dropdown.
   */
  protected readonly offsetErrorMatchers: ErrorStateMatcher[] = Array.from(
    { length: MAX_REMINDER_LEVELS },
    (_, index) => ({
      isErrorState: (control: AbstractControl | null) =>
        this.outOfOrder().includes(index) ||
        (control !== null && control.invalid && control.touched),
    }),
  );

  constructor() {
    this.form.controls.reminderCount.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((count) => this.resizeOffsets(count));

    // NOTE: switching company in the top bar reloads the page's settings, so edits not yet saved
    // are dropped without the confirmation dialog that leaving the page shows.
    effect(() => {
      if (this.companyContext.currentId() !== null) {
        untracked(() => this.load());
      }
    });
  }

  hasUnsavedChanges(): boolean {
    return this.hasChanges();
  }

  protected load(): void {
    this.loading.set(true);
    this.errorMessage.set(null);
    this.api
      .getSettings()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => {
          this.loading.set(false);
          this.applySaved(settings);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
  }

  protected save(): void {
    if (!this.canSave()) {
      this.form.markAllAsTouched();
      return;
    }

    this.saving.set(true);
    this.errorMessage.set(null);
    this.api
      .updateSettings(toSettingsUpdate(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => {
          this.saving.set(false);
          this.applySaved(settings);
          this.snackBar.open(
            $localize`:Snack bar after the reminder settings were saved@@settings.reminders.saved:Impostazioni salvate`,
            undefined,
            { duration: 4000 },
          );
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
  }

  /** Puts back the values last loaded or saved. */
  protected cancel(): void {
    const saved = this.saved();
    if (saved !== null) {
      fillReminderSettingsForm(this.form, saved);
    }
    this.errorMessage.set(null);
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasChanges()) {
      // Browsers show their own text, and preventDefault is what makes them show it.
      event.preventDefault();
    }
  }

  private applySaved(settings: ReminderSettingsResponse): void {
    this.saved.set(settings);
    fillReminderSettingsForm(this.form, settings);
  }

  /** Adds dropdowns with default days or removes the last ones, so there are `count` reminders. */
  private resizeOffsets(count: number): void {
    const offsets = this.form.controls.offsets;
    const allowed = this.offsetOptions().map((option) => option.value);

    while (offsets.length > count) {
      offsets.removeAt(offsets.length - 1);
    }
    while (offsets.length < count) {
      const previous = offsets.length > 0 ? offsets.at(offsets.length - 1).value : undefined;
      offsets.push(createOffsetControl(defaultOffsetFor(offsets.length, previous, allowed)));
    }
  }

  private readFormState() {
    const errors = this.form.controls.offsets.errors;

    return {
      update: toSettingsUpdate(this.form),
      catchUpDaysEmpty: this.form.controls.catchUpDays.value === null,
      valid: this.form.valid,
      outOfOrder: (errors?.[REMINDER_ORDER_ERROR] as number[] | undefined) ?? [],
    };
  }
}
