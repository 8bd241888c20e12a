import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { clientGoneSignal } from '../../common/http/client-gone.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { RETRY_AFTER_SECONDS, TooManyDocumentsException } from '../../documents/document-quota.js';
import { CqcHubAccountService, type HubAccountSendReport } from './hub-account.service.js';

/** « Créez votre compte Hub Pro Transport » for a session's drivers (issue 15, seed 001). */
@ApiTags('cqc')
@ApiBearerAuth()
@Controller('api/sessions/:id/cqc')
export class CqcHubAccountController {
  constructor(private readonly hubAccount: CqcHubAccountService) {}

  /**
   * E-mails the candidates not told yet (the daily run does it from 21 days before the session);
   * answers who was told, who already was and who has no address.
   */
  @Post('hub-account-emails')
  @HttpCode(200)
  send(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
  ): Promise<HubAccountSendReport> {
    return this.hubAccount.send(caller, sessionId);
  }

  /** The printable sheet: one page per driver, with the steps and a box for their login. */
  @Get('hub-account.pdf')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    try {
      const file = await this.hubAccount.pdf(caller, sessionId, clientGoneSignal(res));
      res.setHeader('Content-Type', file.contentType);
      res.setHeader(
        'Content-Disposition',
        `inline; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      return new StreamableFile(file.body);
    } catch (error) {
      if (error instanceof TooManyDocumentsException) {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      }
      throw error;
    }
  }
}
