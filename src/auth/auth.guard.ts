import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../users/user.entity.js';
import {
  ALLOW_VIEWER_WRITE,
  IS_PUBLIC,
  ROLES_KEY,
  type AuthenticatedRequest,
} from './auth.decorators.js';
import { TokenService } from './token.service.js';
import { isValidCsrf, readSessionCookie, submittedCsrf } from '../web/web-session.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a valid bearer token — or the dashboard's session cookie, with a CSRF token on
 * every write — unless marked @Public(); viewers only read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (!request.caller) {
      const header = request.headers.authorization;
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      // Without an Authorization header, the dashboard's session cookie authenticates.
      const cookieToken = header === undefined ? readSessionCookie(request.headers.cookie) : null;
      const token = match?.[1] ?? cookieToken;
      if (!token) {
        throw new UnauthorizedException(
          'Authentification requise : envoyez un jeton (Authorization: Bearer …).',
        );
      }
      const resolved = await this.tokens.resolve(token);
      if (!resolved)
        throw new UnauthorizedException('Jeton invalide, expiré ou révoqué : reconnectez-vous.');
      request.caller = resolved.caller;
      request.tokenId = resolved.tokenId;
      if (cookieToken) {
        request.sessionToken = cookieToken;
        if (
          !READ_METHODS.has(request.method) &&
          !isValidCsrf(cookieToken, submittedCsrf(request))
        ) {
          throw new ForbiddenException(
            'Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page et recommencez.',
          );
        }
      }
    }
    const caller = request.caller;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(caller.role)) {
      throw new ForbiddenException('Action réservée aux administrateurs.');
    }
    if (
      caller.role === 'viewer' &&
      !READ_METHODS.has(request.method) &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_VIEWER_WRITE, targets)
    ) {
      throw new ForbiddenException('Votre compte est en lecture seule : modification refusée.');
    }
    return true;
  }
}
