import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type DispatchStatus = 'sending' | 'sent' | 'failed' | 'skipped';

export type SkipReason = 'missed' | 'no-email' | 'excluded';

/**
 * The record of one reminder (installment, level, due date). The unique key makes a reminder
 * go out at most once, because a sweep claims the row before sending and fills it in after.
 */
@Entity('reminder_dispatches')
@Index('uq_reminder_dispatches_key', ['installmentId', 'level', 'dueDate'], { unique: true })
@Index('idx_reminder_dispatches_company_day', ['companyId', 'sendDay'])
@Index('idx_reminder_dispatches_company_status', ['companyId', 'status'])
export class ReminderDispatchEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @Column({ name: 'invoice_id', type: 'int' })
  invoiceId!: number;

  @Column({ name: 'installment_id', type: 'int' })
  installmentId!: number;

  /** 1-based reminder number. */
  @Column({ type: 'int' })
  level!: number;

  /** The installment's due date this reminder belongs to; a moved due date starts a new schedule. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** Days from the due date that the settings gave this level when the row was written. */
  @Column({ name: 'offset_days', type: 'int' })
  offsetDays!: number;

  /** The day the reminder was scheduled for (due date + offset). */
  @Column({ name: 'send_day', type: 'date' })
  sendDay!: string;

  /** The sweep day that wrote the row last; later than sendDay when a missed day was caught up. */
  @Column({ name: 'processed_day', type: 'date' })
  processedDay!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DispatchStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason!: SkipReason | null;

  @Column({ name: 'recipient_count', type: 'int', default: 0 })
  recipientCount!: number;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
