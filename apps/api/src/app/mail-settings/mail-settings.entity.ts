import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { encryptedColumn } from '../../services/security/column-cipher';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** The company's own SMTP server; without a row the company sends from the system sender. */
@Entity('mail_settings')
export class MailSettingsEntity {
  @PrimaryColumn({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ type: 'varchar', length: 255 })
  host!: string;

  @Column({ type: 'int' })
  port!: number;

  @Column({ type: 'varchar', length: 16 })
  security!: SmtpSecurity;

  @Column({ type: 'varchar', length: 255, nullable: true })
  username!: string | null;

  /** Encrypted at rest (AES-256-GCM, key from SECRETS_KEY) and never returned by the API. */
  @Column({ type: 'varchar', length: 512, nullable: true, select: false, transformer: encryptedColumn })
  password!: string | null;

  @Column({ name: 'from_name', type: 'varchar', length: 255 })
  fromName!: string;

  @Column({ name: 'from_address', type: 'varchar', length: 320 })
  fromAddress!: string;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
