import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { booleanTransformer } from '../../services/database/column-transformers';

/** One row per company; a company without a row has reminders off with the defaults. */
@Entity('reminder_settings')
export class ReminderSettingsEntity {
  @PrimaryColumn({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ type: 'boolean', default: false, transformer: booleanTransformer })
  enabled!: boolean;

  @Column({ name: 'attach_courtesy_copy', type: 'boolean', default: true, transformer: booleanTransformer })
  attachCourtesyCopy!: boolean;

  /** Days from the due date of reminders 1..3, strictly increasing. */
  @Column({ type: 'simple-json' })
  offsets!: number[];

  /** How many days late a missed reminder may still go out after a day the sweep did not run. */
  @Column({ name: 'catch_up_days', type: 'int', default: 3 })
  catchUpDays!: number;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
