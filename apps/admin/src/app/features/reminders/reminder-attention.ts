import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReminderAttentionResponse } from '@solleciti/dto';

import { CompanyContext } from '../../core/company-context';

interface AttentionItem {
  status: 'failed' | 'sent' | 'retry' | 'uncertain';
  /** Narrows the history to reminders with rejected addresses. */
  rejectedRecipients?: boolean;
  text: string;
}

/**
 * The front page's notice of reminders that need a person: failed in the last 30 days, sent with
 * some addresses rejected, waiting for another attempt, or of unknown delivery. Each count links
 * to the history filtered on that status. Nothing is shown when all is well.
 */
@Component({
  selector: 'sol-reminder-attention',
  imports: [RouterLink],
  template: `
    @if (items().length > 0) {
      <section class="attention" role="status" aria-labelledby="attention-heading">
        <h2 id="attention-heading" class="attention-heading" i18n="Heading of the notice of reminders that need attention@@reminders.attention.heading">
          Solleciti da controllare
        </h2>
        <ul class="attention-list">
          @for (item of items(); track item.status) {
            <li>
              <a routerLink="/solleciti" [queryParams]="queryParams(item)">{{ item.text }}</a>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .attention {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-left: 4px solid #b3261e;
      background: #fdecea;
      color: #410e0b;
    }
    .attention-heading {
      margin: 0 0 4px;
      font-size: 1rem;
    }
    .attention-list {
      margin: 0;
      padding-left: 20px;
    }
    .attention-list a {
      color: #410e0b;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderAttention {
  private readonly companyContext = inject(CompanyContext);

  protected readonly attention = httpResource<ReminderAttentionResponse>(() =>
    this.companyContext.currentId() === null ? undefined : this.companyContext.apiUrl('/reminders/attention'),
  );

  protected queryParams(item: AttentionItem): Record<string, string> {
    return item.rejectedRecipients ? { status: item.status, rejectedRecipients: 'true' } : { status: item.status };
  }

  protected readonly items = computed<AttentionItem[]>(() => {
    if (!this.attention.hasValue()) {
      return [];
    }

    const counts = this.attention.value();
    const items: AttentionItem[] = [];
    if (counts.failed > 0) {
      items.push({
        status: 'failed',
        text:
          counts.failed === 1
            ? $localize`:One reminder failed in the last 30 days@@reminders.attention.failedOne:1 sollecito non riuscito negli ultimi 30 giorni`
            : $localize`:Count of reminders that failed in the last 30 days@@reminders.attention.failed:${counts.failed}:count: solleciti non riusciti negli ultimi 30 giorni`,
      });
    }
    if (counts.partlyRefused > 0) {
      items.push({
        status: 'sent',
        rejectedRecipients: true,
        text:
          counts.partlyRefused === 1
            ? $localize`:One reminder sent while some addresses were rejected, last 30 days@@reminders.attention.partlyRefusedOne:1 sollecito inviato con indirizzi rifiutati negli ultimi 30 giorni`
            : $localize`:Count of reminders sent while some addresses were rejected, last 30 days@@reminders.attention.partlyRefused:${counts.partlyRefused}:count: solleciti inviati con indirizzi rifiutati negli ultimi 30 giorni`,
      });
    }
    if (counts.retrying > 0) {
      items.push({
        status: 'retry',
        text:
          counts.retrying === 1
            ? $localize`:One reminder waiting for another attempt@@reminders.attention.retryingOne:1 sollecito in nuovo tentativo`
            : $localize`:Count of reminders waiting for another attempt@@reminders.attention.retrying:${counts.retrying}:count: solleciti in nuovo tentativo`,
      });
    }
    if (counts.uncertain > 0) {
      items.push({
        status: 'uncertain',
        text:
          counts.uncertain === 1
            ? $localize`:One reminder whose delivery is unknown@@reminders.attention.uncertainOne:1 sollecito da verificare (consegna incerta)`
            : $localize`:Count of reminders whose delivery is unknown@@reminders.attention.uncertain:${counts.uncertain}:count: solleciti da verificare (consegna incerta)`,
      });
    }

    return items;
  });
}
