import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * sending: claimed, the message is being prepared or the SMTP envelope exchanged; nothing can
 * have been delivered yet. submitting: the server has asked for the message body, so it may
 * have accepted it. retry: a temporary failure, tried again at next_attempt_at. uncertain: the
 * process died while submitting; not sent again, left for a person to check.
 */
export type DispatchStatus = 'sending' | 'submitting' | 'sent' | 'retry' | 'failed' | 'uncertain' | 'skipped';

/** The reason of a skipped reminder (status skipped). */
export type SkipReason = 'missed' | 'no-email' | 'excluded' | 'paid';

/** The reason of a reminder that failed for good (status failed). */
export type FailureReason = 'rejected' | 'retries-exhausted';

/**
 * The cause of a retry or uncertain reminder when no server reply explains it. interrupted: its
 * process stopped. connection-lost: the connection broke after the body was sent. server-paused:
 * its server failed several times in a row in the same pass, so it was not tried.
 */
export type RetryReason = 'interrupted' | 'connection-lost' | 'server-paused';

/** A recipient that the SMTP server rejected, with its reply. */
export interface RecipientError {
  recipient: string;
  response: string;
  responseCode: number | null;
}

/**
 * The record of one reminder (installment, level, due date). The unique key makes a reminder
 * go out at most once, because a sweep claims the row before sending and fills it in after.
 */
@Entity('reminder_dispatches')
@Index('uq_reminder_dispatches_key', ['installmentId', 'level', 'dueDate'], { unique: true })
@Index('idx_reminder_dispatches_company_day', ['companyId', 'sendDay'])
@Index('idx_reminder_dispatches_company_status', ['companyId', 'status'])
@Index('idx_reminder_dispatches_status_next', ['status', 'nextAttemptAt'])
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
  reason!: SkipReason | FailureReason | RetryReason | null;

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

  /** When a sweep last claimed the row (status sending); a row claimed long ago belongs to a dead process. */
  @Column({ name: 'claimed_at', type: 'datetime', nullable: true })
  claimedAt!: Date | null;

  /** For status retry: when the next attempt is due. */
  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null;

  /** When the SMTP server asked for the message body; set with status submitting. */
  @Column({ name: 'submitted_at', type: 'datetime', nullable: true })
  submittedAt!: Date | null;

  /** Recipients the server refused while accepting the others, or all of them for a rejected message. */
  @Column({ name: 'recipient_errors', type: 'simple-json', nullable: true })
  recipientErrors!: RecipientError[] | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
