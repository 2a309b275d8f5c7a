import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, UpdateUserDto, UserResponse } from '@solleciti/dto';

import { AdminOnly } from '../auth/access.decorator';
import { AuthenticatedUser, CurrentPrincipal } from '../auth/authenticated-user';
import { UsersService } from './users.service';

/** User management; administrators only, so staff and API keys get 403. */
@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Get()
  list(): Promise<UserResponse[]> {
    return this.usersService.list();
  }

  /** Creates a user; 409 when the username is taken, 400 for an unknown company id. */
  @Post()
  create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return this.usersService.create(body);
  }

  /** Changes the role, the companies or the password (which ends the user's sessions). */
  @Patch(':id')
  update(
    @CurrentPrincipal() actor: AuthenticatedUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.usersService.update(actor, id, body);
  }

  /** Deletes a user; 409 for yourself or the last administrator. */
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() actor: AuthenticatedUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<void> {
    return this.usersService.remove(actor, id);
  }
}
