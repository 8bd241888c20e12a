import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { WebAuthService } from '../web-auth.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { readSessionCookie } from '../web-session.js';
import { glossaryView } from './glossary.js';

/**
 * The glossary of the sigles (CERES, DTE, UD, ECF…), linked from every page's footer; open to
 * anyone (the login page links to it too), with the navigation when the visitor is signed in.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('glossaire')
export class WebGlossaryController {
  constructor(
    private readonly pages: WebPages,
    private readonly auth: WebAuthService,
  ) {}

  @Public()
  @Get()
  async page(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    const token = readSessionCookie(req.headers.cookie);
    const caller = await this.auth.callerOf(token);
    if (caller && token) {
      req.caller = caller;
      req.sessionToken = token;
    }
    const entries = glossaryView();
    const letters = [...new Set(entries.map((e) => e.letter))];
    this.pages.render(req, res, 'glossary', 'Glossaire', 'none', {
      letters: letters.map((letter) => ({
        letter,
        entries: entries.filter((e) => e.letter === letter),
      })),
    });
  }
}
