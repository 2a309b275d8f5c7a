import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SweepRunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/** One run of the reminder sweep for one day; the last completed day bounds the catch-up. */
@Entity('sweep_runs')
@Index('idx_sweep_runs_day', ['runDay'])
export class SweepRunEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'run_day', type: 'date' })
  runDay!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SweepRunStatus;

  @Column({ type: 'varchar', length: 16 })
  trigger!: 'cron' | 'startup' | 'cli' | 'api';

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  counts!: Record<string, number> | null;
}
