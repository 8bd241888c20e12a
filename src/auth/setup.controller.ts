import { Body, Controller, Get, HttpException, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { TemplateRenderer } from '../common/template-renderer.js';
import { AcceptsBody } from '../common/http/body-parsing.js';
import { MIN_PASSWORD_LENGTH } from '../users/password.js';
import { Public } from './auth.decorators.js';
import { SetupRequestDto } from './dto/token-request.dto.js';
import { SetupService } from './setup.service.js';

@ApiExcludeController()
@Public()
@Controller('setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    private readonly views: TemplateRenderer,
  ) {}

  @Get()
  async form(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    const valid = typeof token === 'string' && (await this.setup.isValid(token));
    res.status(valid ? 200 : 404).type('html');
    res.send(
      this.page({
        done: false,
        token: valid ? token : '',
        email: '',
        error: valid ? null : 'Lien de mise en service invalide ou déjà utilisé.',
      }),
    );
  }

  /** The page's form, or JSON for scripts. */
  @Post()
  @AcceptsBody('form', 'json')
  async submit(@Body() dto: SetupRequestDto, @Res() res: Response): Promise<void> {
    const wantsHtml = (res.req.headers['content-type'] ?? '').includes(
      'application/x-www-form-urlencoded',
    );
    try {
      const user = await this.setup.complete(dto.token, dto.email, dto.password);
      if (!wantsHtml) {
        res.status(201).json(user);
        return;
      }
      res
        .status(201)
        .type('html')
        .send(
          this.page({
            done: true,
            email: user.email,
            token: '',
            error: null,
          }),
        );
    } catch (error) {
      if (!wantsHtml || !(error instanceof HttpException)) throw error;
      const body = error.getResponse();
      const message =
        typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? '');
      res
        .status(error.getStatus())
        .type('html')
        .send(
          this.page({
            done: false,
            token: dto.token,
            email: dto.email,
            error: message,
          }),
        );
    }
  }

  /** The page in the dashboard's layout (its CSS, no inline style: the CSP allows none), signed out. */
  private page(view: {
    done: boolean;
    token: string;
    email: string;
    error: string | null;
  }): string {
    return this.views.render('views/setup.hbs', {
      ...view,
      minLength: MIN_PASSWORD_LENGTH,
      layout: { title: 'Mise en service', user: null, nav: [], flash: null },
      csrf: '',
    });
  }
}
