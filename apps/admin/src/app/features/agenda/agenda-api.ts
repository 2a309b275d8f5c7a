import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageResponse, ReminderDispatchResponse } from '@solleciti/dto';
import { addDays, daysBetween } from '@solleciti/util';
import { Observable, catchError, from, map, mergeMap, throwError, toArray } from 'rxjs';

import { CompanyContext } from '../../core/company-context';
import { AgendaInstallment, AgendaReminder, UpcomingDay, firstOccurrences } from './agenda-data';

/** Maximum number of days that GET /reminders/calendar previews in one request. */
export const MAX_CALENDAR_DAYS = 62;

/**
 * Maximum number of history rows that one agenda page loads, the API's largest page size.
 * NOTE: a grid with more recorded reminders shows only the newest 200.
 */
export const MAX_HISTORY_ROWS = 200;

/** Requests in flight at once when the upcoming reminders are loaded one day at a time. */
const PER_DAY_CONCURRENCY = 4;

/** The calls of the agenda to the current company's API. */
@Injectable({ providedIn: 'root' })
export class AgendaApi {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  /** Returns the installments due from `from` to `to`, paid ones included. The API may return an array or {items}. */
  installments(fromDate: string, toDate: string): Observable<AgendaInstallment[]> {
    return this.http
      .get<AgendaInstallment[] | { items: AgendaInstallment[] }>(this.companyContext.apiUrl('/installments'), {
        params: { from: fromDate, to: toDate },
      })
      .pipe(map((body) => (Array.isArray(body) ? body : (body?.items ?? []))));
  }

  /** Returns tomorrow's dry run: what the next nightly sweep would send or skip. */
  tomorrow(): Observable<UpcomingDay> {
    return this.http.get<UpcomingDay>(this.companyContext.apiUrl('/reminders/upcoming'));
  }

  /**
   * Returns the dry runs of the sweeps from `from` to `to` (at most MAX_CALENDAR_DAYS days) from
   * GET /reminders/calendar. Where that route is missing (404), falls back to one
   * GET /reminders/upcoming?date= per day, a few at a time.
   */
  upcomingRange(fromDate: string, toDate: string): Observable<UpcomingDay[]> {
    if (daysBetween(fromDate, toDate) + 1 > MAX_CALENDAR_DAYS) {
      return throwError(() => new RangeError(`The range ${fromDate} to ${toDate} is longer than ${MAX_CALENDAR_DAYS} days`));
    }

    return this.http
      .get<{ days: UpcomingDay[] }>(this.companyContext.apiUrl('/reminders/calendar'), { params: { from: fromDate, to: toDate } })
      .pipe(
        map((body) => body.days),
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 404 ? this.upcomingPerDay(fromDate, toDate) : throwError(() => error),
        ),
        map(firstOccurrences),
      );
  }

  /** Returns the recorded reminders processed from `from` to `to`, grouped by processing day. */
  history(fromDate: string, toDate: string): Observable<Array<{ date: string; items: AgendaReminder[] }>> {
    return this.http
      .get<PageResponse<ReminderDispatchResponse>>(this.companyContext.apiUrl('/reminders'), {
        params: { from: fromDate, to: toDate, page: 1, pageSize: MAX_HISTORY_ROWS },
      })
      .pipe(map((page) => groupByProcessedDay(page.items)));
  }

  private upcomingPerDay(fromDate: string, toDate: string): Observable<UpcomingDay[]> {
    const dates = Array.from({ length: daysBetween(fromDate, toDate) + 1 }, (_, index) => addDays(fromDate, index));

    return from(dates).pipe(
      mergeMap(
        (date) => this.http.get<UpcomingDay>(this.companyContext.apiUrl('/reminders/upcoming'), { params: { date } }),
        PER_DAY_CONCURRENCY,
      ),
      toArray(),
    );
  }
}

function groupByProcessedDay(rows: readonly ReminderDispatchResponse[]): Array<{ date: string; items: AgendaReminder[] }> {
  const byDay = new Map<string, AgendaReminder[]>();
  for (const row of rows) {
    const items = byDay.get(row.processedDay) ?? [];
    items.push({
      installmentId: row.installmentId,
      invoiceId: row.invoiceId,
      invoiceNumber: row.invoiceNumber,
      clientId: row.clientId,
      clientName: row.clientName,
      level: row.level,
      status: row.status,
      reason: row.reason,
    });
    byDay.set(row.processedDay, items);
  }

  return [...byDay].map(([date, items]) => ({ date, items }));
}
