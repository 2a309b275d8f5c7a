import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the product generates for itself, shared by every instance on the same database. */
@Entity('app_secrets')
export class AppSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'text' })
  value!: string;
}
