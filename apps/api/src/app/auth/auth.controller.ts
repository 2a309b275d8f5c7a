import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUserResponse, LoginDto, LoginResponse } from '@solleciti/dto';

import { UserSessionOnly } from './access.decorator';
import { AuthService } from './auth.service';
import { AuthenticatedUser, CurrentPrincipal } from './authenticated-user';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly authService: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.authService.login(body.username, body.password);
  }

  /** Revokes the access token of the request; any later request with it, on any instance, gets 401. */
  @ApiBearerAuth()
  @UserSessionOnly()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentPrincipal() user: AuthenticatedUser): Promise<void> {
    return this.authService.logout(user);
  }

  /** Returns the logged-in user and role, which the admin uses to show or hide user management. */
  @ApiBearerAuth()
  @UserSessionOnly()
  @Get('me')
  me(@CurrentPrincipal() user: AuthenticatedUser): CurrentUserResponse {
    return this.authService.currentUser(user);
  }
}
