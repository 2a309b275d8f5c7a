import { Body, Controller, ForbiddenException, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CompanyResponse, CreateCompanyDto } from '@solleciti/dto';

import { AuthService } from '../auth/auth.service';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { CompaniesService } from './companies.service';
import { mapCompany } from './company.mapper';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly authService: AuthService,
    private readonly companiesService: CompaniesService,
  ) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser): Promise<CompanyResponse[]> {
    const ids = await this.authService.companyIdsFor(user);

    return (await this.companiesService.findByIds(ids)).map(mapCompany);
  }

  @Post()
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCompanyDto): Promise<CompanyResponse> {
    if (user.role !== 'admin') {
      throw new ForbiddenException('Only administrators can create companies');
    }

    return mapCompany(await this.companiesService.create(body));
  }

  @Get(':companyId')
  async findOne(@Param('companyId', ParseIntPipe) companyId: number): Promise<CompanyResponse> {
    return mapCompany(await this.companiesService.findOne(companyId));
  }
}
