/** The dashboard's form pages, registered by WebModule (before its page controllers: `/sessions/new` must not be read as a session id). */
import { AgrementFormsController } from './agrement-forms.controller.js';
import { CandidateFormsController } from './candidate-forms.controller.js';
import { CandidateImportController } from './candidate-import.controller.js';
import { CsvUploadInterceptor } from './candidate-import.js';
import { CentreFormsController } from './centre-forms.controller.js';
import { FormOptions } from './form-options.js';
import { FormPages } from './form-pages.js';
import { IncidentFormsController } from './incident-forms.controller.js';
import { JuryFormsController } from './jury-forms.controller.js';
import { ObligationFormsController } from './obligation-forms.controller.js';
import { ProviderFormsController } from './provider-forms.controller.js';
import { SessionFormsController } from './session-forms.controller.js';
import { SessionJuryFormsController } from './session-jury-forms.controller.js';
import { SessionSummaries } from './session-summary.js';
import { TitreFormsController } from './titre-forms.controller.js';
import { UserFormsController } from './user-forms.controller.js';

/** Order matters: fixed paths (`import`, `new`) before the `:id` routes of the same prefix. */
export const WEB_FORM_CONTROLLERS = [
  SessionFormsController,
  CandidateImportController,
  CandidateFormsController,
  SessionJuryFormsController,
  IncidentFormsController,
  JuryFormsController,
  AgrementFormsController,
  TitreFormsController,
  CentreFormsController,
  ProviderFormsController,
  ObligationFormsController,
  UserFormsController,
];

export const WEB_FORM_PROVIDERS = [FormOptions, FormPages, SessionSummaries, CsvUploadInterceptor];
