import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { MoneyPipe } from '../../core/formatting';
import { AgendaInstallment, installmentStatusLabel, installmentStatusSymbol } from './agenda-data';

/** An installment as a coloured chip linking to its invoice: state symbol, invoice, client and residual (or amount when paid). */
@Component({
  selector: 'sol-agenda-installment',
  imports: [MoneyPipe, RouterLink],
  template: `
    <a
      class="agenda-chip"
      [class]="'agenda-state-' + installment().status"
      [routerLink]="['/fatture', installment().invoiceId]"
      [attr.title]="title()"
    >
      <span class="agenda-chip-symbol" aria-hidden="true">{{ symbol() }}</span>
      <span class="cdk-visually-hidden">{{ label() }}:</span>
      <strong>{{ installment().invoiceNumber }}</strong>
      @if (installment().count > 1) {
        <span i18n="Installment number out of the count, e.g. rata 1/3@@agenda.installment.position">
          rata {{ installment().position }}/{{ installment().count }}</span
        >
      }
      · {{ installment().clientName }} ·
      {{ (installment().status === 'paid' ? installment().amountDue : installment().residual) | money }}
    </a>
  `,
  styleUrls: ['./agenda-states.css'],
  styles: `
    .agenda-chip {
      margin-top: 2px;
      padding: 2px 6px;
      border-radius: 6px;
      font: var(--mat-sys-body-small);
      text-decoration: none;
      overflow: hidden;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
    }

    .agenda-chip-symbol {
      margin-inline-end: 4px;
    }

    .agenda-chip:hover,
    .agenda-chip:focus-visible {
      text-decoration: underline;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaInstallmentChip {
  readonly installment = input.required<AgendaInstallment>();

  protected readonly label = computed(() => installmentStatusLabel(this.installment().status));
  protected readonly symbol = computed(() => installmentStatusSymbol(this.installment().status));
  protected readonly title = computed(() => {
    const installment = this.installment();

    return `${this.label()} · ${installment.invoiceNumber} · ${installment.clientName}`;
  });
}
