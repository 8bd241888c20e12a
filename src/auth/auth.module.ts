import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { LoginThrottleStore } from './login-throttle.store.js';
import { SetupController } from './setup.controller.js';
import { SetupService } from './setup.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [UsersModule, MailModule],
  controllers: [AuthController, AccountController, SetupController],
  providers: [
    AuthService,
    TokenService,
    LoginRateLimiter,
    LoginThrottleStore,
    SetupService,
    AccountService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, SetupService, AccountService],
})
export class AuthModule {}
