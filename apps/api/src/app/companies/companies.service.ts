import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateCompanyDto } from '@solleciti/dto';
import { Party } from '@solleciti/fatturapa';
import { In, Repository } from 'typeorm';

import { CompanyEntity } from './company.entity';

@Injectable()
export class CompaniesService {
  private readonly logger = new Logger(CompaniesService.name);

  constructor(@InjectRepository(CompanyEntity) private readonly companies: Repository<CompanyEntity>) {}

  findByIds(ids: number[]): Promise<CompanyEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.companies.find({ where: { id: In(ids) }, order: { name: 'ASC' } });
  }

  async findOne(id: number): Promise<CompanyEntity> {
    const company = await this.companies.findOne({ where: { id } });
    if (!company) {
      throw new NotFoundException(`Company '${id}' not found`);
    }

    return company;
  }

  findByVatNumber(country: string, code: string): Promise<CompanyEntity | null> {
    return this.companies.findOne({ where: { vatCountry: country.toUpperCase(), vatCode: code } });
  }

  async create(dto: CreateCompanyDto): Promise<CompanyEntity> {
    const country = dto.vatNumber.slice(0, 2).toUpperCase();
    const code = dto.vatNumber.slice(2);
    if (await this.findByVatNumber(country, code)) {
      throw new ConflictException(`A company with VAT number ${country}${code} already exists`);
    }

    const company = await this.companies.save(
      this.companies.create({
        name: dto.name,
        vatCountry: country,
        vatCode: code,
        fiscalCode: dto.fiscalCode ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        iban: dto.iban ?? null,
        street: dto.address?.street ?? null,
        streetNumber: dto.address?.streetNumber ?? null,
        postalCode: dto.address?.postalCode ?? null,
        city: dto.address?.city ?? null,
        province: dto.address?.province ?? null,
        country: dto.address?.country ?? null,
      }),
    );
    this.logger.log(`Company '${company.id}' has been created.`);

    return company;
  }

  /** Creates the company described by a CedentePrestatore block (import with --create-companies). */
  async createFromSeller(seller: Party): Promise<CompanyEntity> {
    if (!seller.vatNumber) {
      throw new Error('The seller has no VAT number (IdFiscaleIVA)');
    }

    const name =
      seller.companyName ?? ([seller.firstName, seller.lastName].filter(Boolean).join(' ') || seller.vatNumber.code);
    const company = await this.companies.save(
      this.companies.create({
        name,
        vatCountry: seller.vatNumber.country,
        vatCode: seller.vatNumber.code,
        fiscalCode: seller.fiscalCode,
        email: seller.email,
        phone: seller.phone,
        iban: null,
        street: seller.address?.street ?? null,
        streetNumber: seller.address?.streetNumber ?? null,
        postalCode: seller.address?.postalCode ?? null,
        city: seller.address?.city ?? null,
        province: seller.address?.province ?? null,
        country: seller.address?.country ?? null,
      }),
    );
    this.logger.log(`Company '${company.id}' has been created from an imported invoice's seller.`);
    if (!company.email) {
      // Reminders sent through the system SMTP server use the company e-mail as Reply-To, so without
      // it clients' replies go to MAIL_DEFAULT_FROM. Only a company's own mail server replaces it.
      // NOTE: no route or admin page edits a company's e-mail after creation yet.
      this.logger.warn(
        `Company '${company.id}' was created without an e-mail address (the invoice has no CedentePrestatore/Contatti/Email), ` +
          `so replies to its reminders go to the system sender; set its own mail server in Impostazioni › Server di posta ` +
          `or with PUT /api/companies/${company.id}/mail-settings.`,
      );
    }

    return company;
  }
}
