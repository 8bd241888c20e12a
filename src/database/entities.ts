import { Agrement } from '../agrements/agrement.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { LoginThrottle } from '../auth/login-throttle.entity.js';
import { PasswordResetToken } from '../auth/password-reset-token.entity.js';
import { SetupToken } from '../auth/setup-token.entity.js';
import { Candidate } from '../candidates/candidate.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { Site } from '../centres/site.entity.js';
import { SessionIncident } from '../incidents/session-incident.entity.js';
import { Habilitation } from '../jury/habilitation.entity.js';
import { JuryMember } from '../jury/jury-member.entity.js';
import { LinkDeclaration } from '../jury/link-declaration.entity.js';
import { SessionStaff } from '../jury/session-staff.entity.js';
import { ResitNotice } from '../certification/resit-notice.entity.js';
import { Person } from '../people/person.entity.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { SessionDateChange } from '../sessions/session-date-change.entity.js';
import { Ccp } from '../titres/ccp.entity.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import { Titre } from '../titres/titre.entity.js';
import { CalendarFeed } from '../calendar/calendar-feed.entity.js';
import { OutboxMessage } from '../mail/outbox-message.entity.js';
import { CqcCertificate } from '../cqc/cqc-certificate.entity.js';
import { CqcCertificateNotice } from '../cqc/cqc-certificate-notice.entity.js';
import { CqcHubAccountNotice } from '../cqc/hub-account/hub-account-notice.entity.js';
import { CqcConfirmToken } from '../cqc/cqc-confirm-token.entity.js';
import { CqcDriver } from '../cqc/cqc-driver.entity.js';
import {
  CqcCampaign,
  CqcCampaignClass,
  CqcCampaignPupil,
  CqcCampaignSchool,
  CqcFiche,
  CqcFicheEvent,
  CqcFicheSession,
  CqcHandover,
} from '../cqc/campaign/campaign.entity.js';
import { CqcCampaignNotice } from '../cqc/campaign/campaign-notice.entity.js';
import { CqcRegistration } from '../cqc/cqc-registration.entity.js';
import { ConventionAvenant } from '../providers/convention-avenant.entity.js';
import { ProviderConvention } from '../providers/provider-convention.entity.js';
import { TrainingProvider } from '../providers/training-provider.entity.js';
import { AnnualProgramme } from '../obligations/annual-programme.entity.js';
import { ObligationNotice } from '../obligations/obligation-notice.entity.js';
import { ReminderNotice } from '../reminders/reminder-notice.entity.js';
import { ReminderPolicyEntity } from '../reminders/reminder-policy.entity.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [
  User,
  UserCentre,
  ApiToken,
  SetupToken,
  PasswordResetToken,
  Centre,
  Site,
  Titre,
  Ccp,
  Agrement,
  ExamSession,
  SessionDateChange,
  Person,
  Candidate,
  JuryMember,
  Habilitation,
  SessionStaff,
  LinkDeclaration,
  SessionTask,
  SessionIncident,
  AuditEntry,
  ReminderPolicyEntity,
  ReminderNotice,
  ResitNotice,
  OutboxMessage,
  CalendarFeed,
  LoginThrottle,
  TrainingProvider,
  ProviderConvention,
  ConventionAvenant,
  AnnualProgramme,
  ObligationNotice,
  CqcDriver,
  CqcRegistration,
  CqcCertificate,
  CqcCertificateNotice,
  CqcHubAccountNotice,
  CqcConfirmToken,
  CqcCampaign,
  CqcCampaignSchool,
  CqcCampaignClass,
  CqcCampaignPupil,
  CqcFicheSession,
  CqcFiche,
  CqcFicheEvent,
  CqcHandover,
  CqcCampaignNotice,
];
