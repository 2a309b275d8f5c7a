import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A rendered courtesy copy. Rendering costs far more than sending a mail, so each invoice
 * version (a hash of everything the PDF shows) is rendered once and reused by every reminder.
 */
@Entity('courtesy_copies')
@Index('uq_courtesy_copies_version', ['invoiceId', 'version'], { unique: true })
export class CourtesyCopyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ name: 'invoice_id', type: 'int' })
  invoiceId!: number;

  @Column({ type: 'varchar', length: 64 })
  version!: string;

  @Column({ type: 'blob' })
  content!: Buffer;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
