import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateClientDto, ListClientsQueryDto, PageResponse, UpdateClientDto } from '@solleciti/dto';
import { Party } from '@solleciti/fatturapa';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';

import { containsPattern } from '../../services/database/like-pattern';
import { InvoiceEntity } from '../invoices/invoice.entity';
import { ClientEntity, ClientKind } from './client.entity';
import { displayNameOf } from './client.mapper';

const EXPORT_BATCH_SIZE = 1000;

@Injectable()
export class ClientsService {
  private readonly logger = new Logger(ClientsService.name);

  constructor(@InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>) {}

  async list(companyId: number, query: ListClientsQueryDto & { remindersDisabled?: boolean }): Promise<PageResponse<ClientEntity>> {
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const pageSize = Math.min(200, Math.max(1, Math.floor(query.pageSize ?? 25)));
    const builder = this.clients.createQueryBuilder('client').where('client.companyId = :companyId', { companyId });

    applySearch(builder, query.search);
    if (query.remindersDisabled !== undefined) {
      builder.andWhere('client.remindersDisabled = :remindersDisabled', { remindersDisabled: query.remindersDisabled });
    }

    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    builder
      .orderBy(query.sort === 'createdAt' ? 'client.createdAt' : 'client.displayName', direction)
      .addOrderBy('client.id', direction)
      .skip((page - 1) * pageSize)
      .take(pageSize);

    const [items, total] = await builder.getManyAndCount();

    return { items, total, page, pageSize };
  }

  /**
   * Yields every client of the company that matches `search`, sorted by name, in batches of
   * EXPORT_BATCH_SIZE, so an export of a large company never keeps all of it in memory.
   */
  async *listForExport(companyId: number, search: string | undefined): AsyncGenerator<ClientEntity[]> {
    for (let offset = 0; ; offset += EXPORT_BATCH_SIZE) {
      const builder = this.clients.createQueryBuilder('client').where('client.companyId = :companyId', { companyId });
      applySearch(builder, search);
      const batch = await builder
        .orderBy('client.displayName', 'ASC')
        .addOrderBy('client.id', 'ASC')
        .skip(offset)
        .take(EXPORT_BATCH_SIZE)
        .getMany();
      if (batch.length === 0) {
        return;
      }

      yield batch;
      if (batch.length < EXPORT_BATCH_SIZE) {
        return;
      }
    }
  }

  async findOne(companyId: number, id: number): Promise<ClientEntity> {
    const client = await this.clients.findOne({ where: { companyId, id } });
    if (!client) {
      throw new NotFoundException(`Client '${id}' not found`);
    }

    return client;
  }

  async create(companyId: number, dto: CreateClientDto): Promise<ClientEntity> {
    const client = this.clients.create({ companyId, emails: [], language: 'it', remindersDisabled: false });
    this.apply(client, dto);
    this.assertIdentifiable(client);
    await this.assertNoDuplicate(client);

    const saved = await this.clients.save(client);
    this.logger.log(`Client '${saved.id}' of company '${companyId}' has been created.`);

    return saved;
  }

  async update(companyId: number, id: number, dto: UpdateClientDto): Promise<ClientEntity> {
    const client = await this.findOne(companyId, id);
    this.apply(client, dto);
    this.assertIdentifiable(client);
    await this.assertNoDuplicate(client);

    return this.clients.save(client);
  }

  async remove(companyId: number, id: number): Promise<void> {
    const client = await this.findOne(companyId, id);
    const invoiceCount = await this.clients.manager.count(InvoiceEntity, { where: { companyId, clientId: id } });
    if (invoiceCount > 0) {
      throw new ConflictException(
        `Client '${id}' has ${invoiceCount} invoice(s) and cannot be deleted; exclude it from reminders instead`,
      );
    }

    await this.clients.delete({ id: client.id, companyId });
    this.logger.log(`Client '${id}' of company '${companyId}' has been deleted.`);
  }

  /** Sets or clears the reminder exclusion of several clients at once; unknown ids are a 404. */
  async setRemindersDisabled(companyId: number, ids: number[], disabled: boolean): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await this.clients.find({ where: { companyId, id: In(unique) }, select: { id: true } });
    const missing = unique.filter((id) => !found.some((client) => client.id === id));
    if (missing.length > 0) {
      throw new NotFoundException(`Client(s) ${missing.map((id) => `'${id}'`).join(', ')} not found`);
    }

    await this.clients.update({ companyId, id: In(unique) }, { remindersDisabled: disabled });
  }

  /**
   * Finds the buyer of an imported invoice by VAT number, else by fiscal code, within the company,
   * and creates it when missing.
   */
  async findOrCreateForImport(
    manager: EntityManager,
    companyId: number,
    buyer: Party,
    options: { publicAdministration: boolean; recipientCode: string | null; pec: string | null },
  ): Promise<ClientEntity> {
    const repository = manager.getRepository(ClientEntity);

    if (buyer.vatNumber) {
      const byVat = await repository.findOne({
        where: { companyId, vatCountry: buyer.vatNumber.country, vatCode: buyer.vatNumber.code },
        order: { id: 'ASC' },
      });
      if (byVat) {
        return byVat;
      }
    }
    if (buyer.fiscalCode) {
      const byFiscalCode = await repository.findOne({ where: { companyId, fiscalCode: buyer.fiscalCode }, order: { id: 'ASC' } });
      if (byFiscalCode) {
        return byFiscalCode;
      }
    }

    const kind: ClientKind = options.publicAdministration
      ? 'public-administration'
      : buyer.companyName
        ? 'company'
        : buyer.firstName || buyer.lastName
          ? 'person'
          : 'company';
    const client = repository.create({
      companyId,
      kind,
      companyName: buyer.companyName,
      firstName: buyer.firstName,
      lastName: buyer.lastName,
      vatCountry: buyer.vatNumber?.country ?? null,
      vatCode: buyer.vatNumber?.code ?? null,
      fiscalCode: buyer.fiscalCode,
      recipientCode: options.recipientCode && /^[A-Za-z0-9]{6,7}$/.test(options.recipientCode) ? options.recipientCode : null,
      pec: options.pec,
      emails: buyer.email ? [buyer.email] : [],
      phone: buyer.phone,
      street: buyer.address?.street ?? null,
      streetNumber: buyer.address?.streetNumber ?? null,
      postalCode: buyer.address?.postalCode ?? null,
      city: buyer.address?.city ?? null,
      province: buyer.address?.province ?? null,
      country: buyer.address?.country ?? null,
      language: languageFor(buyer.address?.country ?? buyer.vatNumber?.country ?? null),
      remindersDisabled: false,
    });
    client.displayName = displayNameOf(client);

    return repository.save(client);
  }

  private apply(client: ClientEntity, dto: CreateClientDto | UpdateClientDto): void {
    const assign = <K extends keyof ClientEntity>(key: K, value: ClientEntity[K] | undefined) => {
      if (value !== undefined) {
        client[key] = value;
      }
    };

    assign('kind', dto.kind);
    assign('companyName', emptyToNull(dto.companyName));
    assign('firstName', emptyToNull(dto.firstName));
    assign('lastName', emptyToNull(dto.lastName));
    if (dto.vatNumber !== undefined) {
      client.vatCountry = dto.vatNumber ? dto.vatNumber.slice(0, 2).toUpperCase() : null;
      client.vatCode = dto.vatNumber ? dto.vatNumber.slice(2) : null;
    }
    assign('fiscalCode', dto.fiscalCode === undefined ? undefined : emptyToNull(dto.fiscalCode)?.toUpperCase() ?? null);
    assign('recipientCode', dto.recipientCode === undefined ? undefined : emptyToNull(dto.recipientCode)?.toUpperCase() ?? null);
    assign('pec', emptyToNull(dto.pec));
    if (dto.emails !== undefined) {
      client.emails = [...new Set(dto.emails.map((email) => email.trim()))];
    }
    assign('phone', emptyToNull(dto.phone));
    if (dto.address) {
      assign('street', emptyToNull(dto.address.street));
      assign('streetNumber', emptyToNull(dto.address.streetNumber));
      assign('postalCode', emptyToNull(dto.address.postalCode));
      assign('city', emptyToNull(dto.address.city));
      assign('province', emptyToNull(dto.address.province));
      assign('country', emptyToNull(dto.address.country));
    }
    assign('language', dto.language);
    assign('remindersDisabled', dto.remindersDisabled);
    client.displayName = displayNameOf(client);
  }

  private assertIdentifiable(client: ClientEntity): void {
    if (client.kind === 'person' && !(client.firstName && client.lastName)) {
      throw new BadRequestException('firstName and lastName are required for a client of kind person');
    }
    if (client.kind !== 'person' && !client.companyName) {
      throw new BadRequestException(`companyName is required for a client of kind ${client.kind}`);
    }
  }

  private async assertNoDuplicate(client: ClientEntity): Promise<void> {
    if (client.vatCountry && client.vatCode) {
      const other = await this.clients.findOne({
        where: { companyId: client.companyId, vatCountry: client.vatCountry, vatCode: client.vatCode },
      });
      if (other && other.id !== client.id) {
        throw new ConflictException(
          `Client '${other.id}' already has VAT number ${client.vatCountry}${client.vatCode}; edit that client instead`,
        );
      }
    }
  }
}

/**
 * Picks the reminder language of a client created by an import: Italian for Italy, San Marino and
 * the Vatican (or no country), English for everyone else. Staff can change it on the client.
 */
function languageFor(country: string | null): 'it' | 'en' {
  return country === null || ['IT', 'SM', 'VA'].includes(country.toUpperCase()) ? 'it' : 'en';
}

function emptyToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined) {
    return undefined;
  }

  return value === null || value.trim() === '' ? null : value.trim();
}

/** Narrows a client query to names, VAT numbers or fiscal codes that contain `search`, taken literally. */
function applySearch(builder: SelectQueryBuilder<ClientEntity>, search: string | undefined): void {
  if (!search) {
    return;
  }

  builder.andWhere(
    "(client.displayName LIKE :pattern ESCAPE '!' OR client.vatCode LIKE :pattern ESCAPE '!' OR client.fiscalCode LIKE :pattern ESCAPE '!')",
    { pattern: containsPattern(search) },
  );
}
