import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { decimalTransformer } from '../../services/database/column-transformers';
import { InvoiceEntity } from './invoice.entity';

/** One DettaglioPagamento (rata) of an invoice. */
@Entity('installments')
// The sweep selects installments by company and due date, so this index keeps its cost proportional
// to the reminders due on a day rather than to the installments stored.
@Index('idx_installments_company_due_date', ['companyId', 'dueDate'])
@Index('idx_installments_invoice', ['invoiceId', 'position'])
export class InstallmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ name: 'invoice_id', type: 'int' })
  invoiceId!: number;

  @ManyToOne(() => InvoiceEntity, (invoice) => invoice.installments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity;

  /** 1-based position among the invoice's installments, in file order. */
  @Column({ type: 'int' })
  position!: number;

  /** A calendar date with no time and no zone, or null when the file gives no due date. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'amount_due', type: 'decimal', precision: 15, scale: 2, transformer: decimalTransformer })
  amountDue!: string;

  @Column({ name: 'amount_paid', type: 'decimal', precision: 15, scale: 2, default: 0, transformer: decimalTransformer })
  amountPaid!: string;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn!: string | null;

  /** ModalitaPagamento code, MP01 to MP23. */
  @Column({ name: 'payment_method', type: 'varchar', length: 4 })
  paymentMethod!: string;

  /** CondizioniPagamento code: TP01 in installments, TP02 in full, TP03 advance. */
  @Column({ name: 'payment_terms', type: 'varchar', length: 4 })
  paymentTerms!: string;

  @Column({ type: 'varchar', length: 34, nullable: true })
  iban!: string | null;

  /**
   * Reason this installment never gets a reminder (document-type, no-due-date, no-amount-due), or null.
   * Stored so that the sweep can filter on it, and recomputed whenever the due date changes.
   */
  @Column({ name: 'no_reminder_reason', type: 'varchar', length: 32, nullable: true })
  noReminderReason!: string | null;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
