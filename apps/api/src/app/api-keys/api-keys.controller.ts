import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from '@solleciti/dto';

import { UserSessionOnly } from '../auth/access.decorator';
import { ApiKeysService } from './api-keys.service';

/** The company's API keys, managed by its users; a key cannot create or revoke keys. */
@ApiTags('api-keys')
@ApiBearerAuth()
@UserSessionOnly()
@Controller('companies/:companyId/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeysService: ApiKeysService) {}

  @Get()
  list(@Param('companyId', ParseIntPipe) companyId: number): Promise<ApiKeyResponse[]> {
    return this.apiKeysService.list(companyId);
  }

  /** Creates a key; the response is the only place where the whole key ever appears. */
  @Post()
  create(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyResponse> {
    return this.apiKeysService.create(companyId, body.name);
  }

  /** Revokes a key at once: the next request made with it gets 401. */
  @Delete(':id')
  @HttpCode(204)
  remove(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    return this.apiKeysService.remove(companyId, id);
  }
}
