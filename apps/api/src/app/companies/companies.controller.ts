import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CompanyResponse, CreateCompanyDto } from '@solleciti/dto';

import { AuthService } from '../auth/auth.service';
import { AdminOnly } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/authenticated-user';
import { CompaniesService } from './companies.service';
import { mapCompany } from './company.mapper';

@ApiTags('companies')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly authService: AuthService,
    private readonly companiesService: CompaniesService,
  ) {}

  /** The companies the caller may see: all for an admin, the assigned ones for staff, its own for an API key. */
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<CompanyResponse[]> {
    const ids = await this.authService.companyIdsFor(principal);

    return (await this.companiesService.findByIds(ids)).map(mapCompany);
  }

  @AdminOnly()
  @Post()
  async create(@Body() body: CreateCompanyDto): Promise<CompanyResponse> {
    return mapCompany(await this.companiesService.create(body));
  }

  @Get(':companyId')
  async findOne(@Param('companyId', ParseIntPipe) companyId: number): Promise<CompanyResponse> {
    return mapCompany(await this.companiesService.findOne(companyId));
  }
}
