import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller } from '../common/caller.js';
import type { Role } from '../users/user.entity.js';

export const IS_PUBLIC = 'jalon:public';
export const ROLES_KEY = 'jalon:roles';
export const ALLOW_VIEWER_WRITE = 'jalon:allowViewerWrite';

/** The route needs no authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A write route that read-only users may still call (e.g. logging out). */
export const AllowViewer = () => SetMetadata(ALLOW_VIEWER_WRITE, true);

export type AuthenticatedRequest = {
  caller?: Caller;
  tokenId?: string;
  /** Set when the caller was authenticated by the dashboard's session cookie. */
  sessionToken?: string;
};

/** The authenticated caller. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Caller => {
    const caller = ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller;
    if (!caller) throw new Error('CurrentCaller used on a public route');
    return caller;
  },
);
