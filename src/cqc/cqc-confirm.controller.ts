import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { TemplateRenderer } from '../common/template-renderer.js';
import { CqcConfirmService, type ConfirmOutcome } from './cqc-confirm.service.js';

const STATUS: Record<ConfirmOutcome['kind'], number> = {
  ask: 200,
  done: 200,
  unknown: 404,
  used: 410,
  expired: 410,
};

/**
 * The page of a driver's reminder link: « Avez-vous commandé votre carte ? », without an account.
 * The token in the path is the only credential (single-use, like the set-up page's), so the form
 * needs no CSRF token: a forged POST would need the secret link.
 */
@ApiExcludeController()
@Public()
@Controller('cqc/confirm')
export class CqcConfirmController {
  constructor(
    private readonly confirmations: CqcConfirmService,
    private readonly views: TemplateRenderer,
  ) {}

  @Get(':token')
  async form(@Param('token') token: string, @Res() res: Response): Promise<void> {
    this.send(res, token, await this.confirmations.check(token));
  }

  @Post(':token')
  async submit(@Param('token') token: string, @Res() res: Response): Promise<void> {
    this.send(res, token, await this.confirmations.confirm(token));
  }

  private send(res: Response, token: string, outcome: ConfirmOutcome): void {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res
      .status(STATUS[outcome.kind])
      .type('html')
      .send(
        this.views.render('views/cqc-confirm.hbs', {
          ...outcome,
          ask: outcome.kind === 'ask',
          done: outcome.kind === 'done',
          unknown: outcome.kind === 'unknown',
          used: outcome.kind === 'used',
          expired: outcome.kind === 'expired',
          action: `/cqc/confirm/${encodeURIComponent(token)}`,
        }),
      );
  }
}
