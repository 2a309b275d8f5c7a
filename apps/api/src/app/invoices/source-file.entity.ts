import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The imported FatturaPA file exactly as received (envelope included), kept so that invoices can
 * be re-read for the courtesy copy and so that a re-import can be recognised by its hash.
 */
@Entity('source_files')
@Index('uq_source_files_company_sha256', ['companyId', 'sha256'], { unique: true })
export class SourceFileEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'blob', select: false })
  content!: Buffer;

  @CreateDateColumn({ name: 'imported_at' })
  importedAt!: Date;
}
