import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The instance that runs the scheduled sweep of a day, when several share the database. */
@Entity('scheduled_sweep_claims')
export class ScheduledSweepClaimEntity {
  @PrimaryColumn({ name: 'run_day', type: 'date' })
  runDay!: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId!: string;

  @Column({ name: 'claimed_at', type: 'datetime' })
  claimedAt!: Date;
}
