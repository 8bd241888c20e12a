import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { LoginThrottleStore } from './login-throttle.store.js';
import { SetupController } from './setup.controller.js';
import { SetupService } from './setup.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [UsersModule],
  controllers: [AuthController, SetupController],
  providers: [
    AuthService,
    TokenService,
    LoginRateLimiter,
    LoginThrottleStore,
    SetupService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, SetupService],
})
export class AuthModule {}
