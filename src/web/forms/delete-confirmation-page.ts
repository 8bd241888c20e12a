import { BadRequestException } from '@nestjs/common';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import type { DeleteConfirmationView } from './delete-confirmation.js';
import { checked, type FormBody } from './form-input.js';
import type { FormPages } from './form-pages.js';
import type { FormContext } from './form-support.js';
import type { SessionSummary } from './session-summary.js';

/** The confirmation page of a session's item (GET …/supprimer), under the session's tabs. */
export function renderDeleteConfirmation(
  forms: FormPages,
  ctx: FormContext,
  session: ExamSession,
  tab: string,
  confirm: (summary: SessionSummary) => DeleteConfirmationView,
): Promise<void> {
  return forms.renderSession(
    ctx,
    session,
    { view: 'confirm-delete', title: 'Confirmer la suppression', tab },
    ({ summary }) => ({ confirm: confirm(summary) }),
  );
}

/**
 * A deletion's POST carries `confirm=1`, which only its confirmation page sends: anything else
 * (an old page, a forged request) deletes nothing.
 */
export function requireConfirmed(body: FormBody): void {
  if (!checked(body, 'confirm')) {
    throw new BadRequestException(
      'La suppression n’a pas été confirmée : rien n’a été supprimé. Confirmez-la depuis sa page de confirmation.',
    );
  }
}
