import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/caller.js';
import { UsersService, type UserView } from '../users/users.service.js';
import {
  AllowViewer,
  CurrentCaller,
  Public,
  type AuthenticatedRequest,
} from './auth.decorators.js';
import { AccountService } from './account.service.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/account.dto.js';
import { TokenRequestDto } from './dto/token-request.dto.js';
import { TokenService } from './token.service.js';

@ApiTags('authentification')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly account: AccountService,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  token(
    @Body() dto: TokenRequestDto,
    @Ip() ip: string,
  ): Promise<{ token: string; expiresAt: string }> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.users.get(caller.userId);
  }

  @ApiBearerAuth()
  @AllowViewer()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    if (req.tokenId) await this.tokens.revoke(req.tokenId);
  }

  /** Changes one's own password; the caller's other sessions and tokens end, this one stays. */
  @ApiBearerAuth()
  @AllowViewer()
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @CurrentCaller() caller: Caller,
    @Req() req: AuthenticatedRequest,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.account.changePassword(caller, dto, req.tokenId ?? null, ip);
  }
}
