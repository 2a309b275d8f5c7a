import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A company's own reminder text for one level and language, used only with its own SMTP server. */
@Entity('mail_templates')
@Index('uq_mail_templates_level_language', ['companyId', 'level', 'language'], { unique: true })
export class MailTemplateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'varchar', length: 2 })
  language!: 'it' | 'en';

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
