/** The shared steps of the dashboard's form pages: render a page (of a session), submit a form. */
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../common/caller.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import type { Titre } from '../../titres/titre.entity.js';
import { WebPages, type Section } from '../web-pages.js';
import type { LabelOf } from './form-input.js';
import {
  type FormChecks,
  requireWriter,
  submit,
  type FormContext,
  type PageContext,
  type Refusal,
} from './form-support.js';
import { SessionSummaries, type SessionSummary } from './session-summary.js';

/** A page of the dashboard: its view, its title and the section lit in the navigation. */
export interface Page {
  view: string;
  title: string;
  section: Section;
}

/** A page of a session, under its heading and tabs (`session-tabs`), `tab` being the current one. */
export interface SessionPage {
  view: string;
  title: string;
  tab: string;
}

/** Where a successful form goes, with the code of the message shown there. */
export interface Redirect {
  to: string;
  flash: string;
}

export interface FormSubmission<T extends object, R> extends FormChecks {
  dto: new () => T;
  plain: object;
  labels: LabelOf;
  work: (dto: T) => Promise<R>;
  done: Redirect | ((value: R) => Redirect);
  /** Shows the form again with what was typed and the refusal. */
  again: (refusal: Refusal) => Promise<void>;
}

@Injectable()
export class FormPages {
  constructor(
    private readonly pages: WebPages,
    private readonly summaries: SessionSummaries,
    private readonly sessions: SessionsService,
  ) {}

  render(ctx: PageContext, page: Page, model: object, status = 200): void {
    this.pages.render(ctx.req, ctx.res, page.view, page.title, page.section, model, status);
  }

  /** A page of a session: the model gets the session's summary (`editable`…) and its titre. */
  async renderSession(
    ctx: FormContext,
    session: ExamSession,
    page: SessionPage,
    model: (of: { summary: SessionSummary; titre: Titre }) => object | Promise<object>,
    status = 200,
  ): Promise<void> {
    const of = await this.summaries.of(ctx.caller, session);
    const data = await model(of);
    this.render(
      ctx,
      { view: page.view, title: page.title, section: 'sessions' },
      { session: of.summary, tab: page.tab, ...data },
      status,
    );
  }

  /** The session a form changes: 403 for read-only accounts, 404 out of their centres, 409 once cancelled. */
  async writableSession(caller: Caller, id: string, consequence?: string): Promise<ExamSession> {
    requireWriter(caller);
    return this.sessions.findWritable(caller, id, consequence);
  }

  redirect(res: Response, to: Redirect): void {
    this.pages.redirect(res, to.to, to.flash);
  }

  /**
   * A form's POST: the form's checks, the API's DTO (same rules and French messages) and the
   * service's rules needing no database, all reported at once; then the service call; then the redirect with its message, or the form again with the errors.
   */
  async submit<T extends object, R>(ctx: PageContext, form: FormSubmission<T, R>): Promise<void> {
    const result = await submit(form.dto, form.plain, form.labels, form.work, form);
    if (!result.ok) {
      await form.again({ errors: result.errors, status: result.status });
      return;
    }
    this.redirect(ctx.res, typeof form.done === 'function' ? form.done(result.value) : form.done);
  }
}
