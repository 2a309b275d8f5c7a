import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from '@solleciti/dto';

import { UserSessionOnly } from '../auth/access.decorator';
import { AuthenticatedUser, CurrentPrincipal } from '../auth/authenticated-user';
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

  /**
   * Creates a key recorded as the caller's. The response is the only place where the whole key
   * ever appears. @UserSessionOnly guarantees that the caller is a user, not an API key.
   */
  @Post()
  create(
    @CurrentPrincipal() creator: AuthenticatedUser,
    @Param('companyId', ParseIntPipe) companyId: number,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyResponse> {
    return this.apiKeysService.create(companyId, creator.id, body.name);
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
