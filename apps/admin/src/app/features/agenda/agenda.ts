import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { Router } from '@angular/router';
import { addDays } from '@solleciti/util';
import { map, of } from 'rxjs';

import { CompanyContext } from '../../core/company-context';
import { describeHttpError } from '../../core/http-error';
import { httpErrorOf } from '../reminders/resource-error';
import { AgendaApi } from './agenda-api';
import { AgendaDatePipe } from './agenda-format';
import { AgendaList } from './agenda-list';
import { AgendaMonth } from './agenda-month';
import { AGENDA_TODAY } from './agenda-today';
import {
  YearMonth,
  addMonths,
  buildMonthGrid,
  firstDayOf,
  gridRange,
  installmentStatusLabel,
  installmentStatusSymbol,
  monthOf,
} from './agenda-data';
import { TomorrowReminders } from './tomorrow-reminders';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Same breakpoint as the layout's: below it the side nav closes and the agenda opens as a list. */
const NARROW_SCREEN_QUERY = '(max-width: 599.98px)';

/**
 * Agenda of Incassi e pagamenti: the installments of a month by due date, coloured by state, as a
 * month grid or a list. Each day also shows its reminders, the recorded ones up to today and the
 * dry run's from tomorrow. The box above lists what tomorrow's sweep will send.
 */
@Component({
  selector: 'sol-agenda',
  imports: [AgendaDatePipe, AgendaList, AgendaMonth, MatButton, MatButtonToggle, MatButtonToggleGroup, MatIconButton, TomorrowReminders],
  templateUrl: './agenda.html',
  styleUrls: ['./agenda-states.css', './agenda.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Agenda {
  private readonly api = inject(AgendaApi);
  private readonly companyContext = inject(CompanyContext);
  private readonly router = inject(Router);
  protected readonly today = inject(AGENDA_TODAY)();

  /** Month to show as YYYY-MM, from the `mese` query parameter. The current month is shown when it is missing or invalid. */
  readonly mese = input<string | undefined>();
  /** View from the `vista` query parameter: 'elenco' for the list, 'mese' for the month grid. */
  readonly vista = input<string | undefined>();

  protected readonly month = linkedSignal<YearMonth>(() => {
    const requested = this.mese();

    return requested && MONTH_PATTERN.test(requested) ? requested : monthOf(this.today);
  });
  private readonly isNarrowScreen = toSignal(inject(BreakpointObserver).observe(NARROW_SCREEN_QUERY).pipe(map((state) => state.matches)), {
    initialValue: false,
  });
  /** The list by default on narrow screens, where seven columns leave no room for the items. */
  protected readonly view = linkedSignal<'month' | 'list'>(() => {
    const requested = this.vista();
    if (requested === 'elenco' || requested === 'mese') {
      return requested === 'elenco' ? 'list' : 'month';
    }

    return this.isNarrowScreen() ? 'list' : 'month';
  });

  protected readonly range = computed(() => gridRange(this.month()));
  protected readonly statuses = ['paid', 'open', 'overdue'].map((status) => ({
    status,
    label: installmentStatusLabel(status),
    symbol: installmentStatusSymbol(status),
  }));

  protected readonly installments = rxResource({
    params: () => ({ companyId: this.companyContext.currentId(), ...this.range() }),
    stream: ({ params }) => this.api.installments(params.from, params.to),
  });

  /** Dry runs for the grid's days from tomorrow on, or none when the whole grid is past. */
  protected readonly upcoming = rxResource({
    params: () => {
      const { from, to } = this.range();
      const tomorrow = addDays(this.today, 1);
      const start = from > tomorrow ? from : tomorrow;

      return { companyId: this.companyContext.currentId(), from: start, to };
    },
    stream: ({ params }) => (params.from > params.to ? of([]) : this.api.upcomingRange(params.from, params.to)),
  });

  /** Recorded reminders for the grid's days up to today, or none when the whole grid is in the future. */
  protected readonly history = rxResource({
    params: () => {
      const { from, to } = this.range();

      return { companyId: this.companyContext.currentId(), from, to: to < this.today ? to : this.today };
    },
    stream: ({ params }) => (params.from > params.to ? of([]) : this.api.history(params.from, params.to)),
  });

  protected readonly weeks = computed(() =>
    buildMonthGrid(this.month(), this.today, this.installments.hasValue() ? this.installments.value() : [], [
      ...(this.history.hasValue() ? this.history.value() : []),
      ...(this.upcoming.hasValue() ? this.upcoming.value() : []),
    ]),
  );

  protected readonly loading = computed(
    () => this.installments.isLoading() || this.upcoming.isLoading() || this.history.isLoading(),
  );

  protected readonly errors = computed(() =>
    [this.installments.error(), this.upcoming.error(), this.history.error()]
      .filter((error): error is Error => Boolean(error))
      .map((error) => describeHttpError(httpErrorOf(error))),
  );

  protected readonly firstOfMonth = computed(() => firstDayOf(this.month()));

  protected goToMonth(months: number | 'today'): void {
    this.month.set(months === 'today' ? monthOf(this.today) : addMonths(this.month(), months));
    this.updateUrl();
  }

  protected changeView(view: 'month' | 'list'): void {
    this.view.set(view);
    this.updateUrl();
  }

  /** Keeps month and view in the URL, so reload and the back button return to the same page. */
  private updateUrl(): void {
    void this.router.navigate([], {
      queryParams: { mese: this.month(), vista: this.view() === 'list' ? 'elenco' : 'mese' },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
