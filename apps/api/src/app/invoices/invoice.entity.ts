import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { decimalTransformer } from '../../services/database/column-transformers';
import { ClientEntity } from '../clients/client.entity';
import { InstallmentEntity } from './installment.entity';
import { SourceFileEntity } from './source-file.entity';

/** One FatturaElettronicaBody of an imported file. */
@Entity('invoices')
@Index('uq_invoices_document', ['companyId', 'documentType', 'number', 'year'], { unique: true })
@Index('idx_invoices_company_date', ['companyId', 'date'])
export class InvoiceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'company_id', type: 'int' })
  companyId!: number;

  @Column({ name: 'client_id', type: 'int' })
  clientId!: number;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ name: 'source_file_id', type: 'int' })
  sourceFileId!: number;

  @ManyToOne(() => SourceFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_file_id' })
  sourceFile?: SourceFileEntity;

  /** 0-based position of the FatturaElettronicaBody in the source file. */
  @Column({ name: 'body_index', type: 'int' })
  bodyIndex!: number;

  @Column({ name: 'document_type', type: 'varchar', length: 4 })
  documentType!: string;

  @Column({ type: 'varchar', length: 20 })
  number!: string;

  /** Year of the invoice date: a number is unique per type and year, as Italian numbering restarts yearly. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** ImportoTotaleDocumento, or the VAT summary's total when the file omits it. */
  @Column({ name: 'total_amount', type: 'decimal', precision: 15, scale: 2, transformer: decimalTransformer })
  totalAmount!: string;

  @OneToMany(() => InstallmentEntity, (installment) => installment.invoice)
  installments?: InstallmentEntity[];

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
