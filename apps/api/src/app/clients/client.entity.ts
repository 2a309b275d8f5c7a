import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { booleanTransformer } from '../../services/database/column-transformers';

export type ClientKind = 'person' | 'company' | 'public-administration';

/** A buyer (cliente, anagrafica) of one company. */
@Entity('clients')
@Index('idx_clients_company_vat', ['companyId', 'vatCountry', 'vatCode'])
@Index('idx_clients_company_fiscal_code', ['companyId', 'fiscalCode'])
@Index('idx_clients_company_display_name', ['companyId', 'displayName'])
@Index('idx_clients_company_excluded', ['companyId', 'remindersDisabled', 'displayName'])
export class ClientEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ type: 'varchar', length: 24 })
  kind!: ClientKind;

  @Column({ name: 'company_name', type: 'varchar', length: 255, nullable: true })
  companyName!: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 120, nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 120, nullable: true })
  lastName!: string | null;

  /** Company name, or "last name first name", kept for searching and sorting. */
  @Column({ name: 'display_name', type: 'varchar', length: 255 })
  displayName!: string;

  @Column({ name: 'vat_country', type: 'varchar', length: 2, nullable: true })
  vatCountry!: string | null;

  @Column({ name: 'vat_code', type: 'varchar', length: 28, nullable: true })
  vatCode!: string | null;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 28, nullable: true })
  fiscalCode!: string | null;

  /** Codice destinatario: 7 characters for private recipients, 6 for public administrations. */
  @Column({ name: 'recipient_code', type: 'varchar', length: 7, nullable: true })
  recipientCode!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  pec!: string | null;

  @Column({ type: 'simple-json' })
  emails!: string[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  street!: string | null;

  @Column({ name: 'street_number', type: 'varchar', length: 16, nullable: true })
  streetNumber!: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 16, nullable: true })
  postalCode!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  province!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'it' })
  language!: 'it' | 'en';

  /** Excluded from automatic reminders; the exclusion list of the reminder settings is this flag. */
  @Column({ name: 'reminders_disabled', type: 'boolean', default: false, transformer: booleanTransformer })
  remindersDisabled!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
