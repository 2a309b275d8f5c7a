import { InstallmentResponse, InstallmentStatus } from '@solleciti/dto';
import { fromCents, PlainDate, toCents } from '@solleciti/util';

import { InstallmentEntity } from './installment.entity';

export function residualOf(installment: Pick<InstallmentEntity, 'amountDue' | 'amountPaid'>): string {
  return fromCents(Math.max(0, toCents(installment.amountDue) - toCents(installment.amountPaid)));
}

export function statusOf(installment: InstallmentEntity, today: PlainDate): InstallmentStatus {
  if (toCents(residualOf(installment)) <= 0) {
    return 'paid';
  }

  return installment.dueDate !== null && installment.dueDate < today ? 'overdue' : 'open';
}

export function mapInstallment(installment: InstallmentEntity, count: number, today: PlainDate): InstallmentResponse {
  return {
    id: installment.id,
    invoiceId: installment.invoiceId,
    position: installment.position,
    count,
    dueDate: installment.dueDate,
    amountDue: installment.amountDue,
    amountPaid: installment.amountPaid,
    residual: residualOf(installment),
    paidOn: installment.paidOn,
    paymentMethod: installment.paymentMethod,
    paymentTerms: installment.paymentTerms,
    iban: installment.iban,
    status: statusOf(installment, today),
    noReminderReason: installment.noReminderReason,
  };
}
