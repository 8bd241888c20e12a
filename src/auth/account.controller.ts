import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import type { UserView } from '../users/users.service.js';
import { AccountService } from './account.service.js';
import { CurrentCaller, Roles } from './auth.decorators.js';

/** Administrators disable and re-enable accounts (the users' routes, served by the AuthModule). */
@ApiTags('utilisateurs')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** The user can no longer log in; their sessions and API tokens end. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<UserView> {
    return this.account.setActive(caller, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<UserView> {
    return this.account.setActive(caller, id, true);
  }
}
