import type { MigrationInterface } from 'typeorm';
import { CcpCqc1796211000000 } from './1796211000000-CcpCqc.js';
import { CqcCampaignReminders1796210000001 } from './1796210000001-CqcCampaignReminders.js';
import { CqcCampaign1796210000000 } from './1796210000000-CqcCampaign.js';
import { CqcCertificateReminders1796204784166 } from './1796204784166-CqcCertificateReminders.js';
import { CqcHubAccountNotice1796212000000 } from './1796212000000-CqcHubAccountNotice.js';
import { PasswordResetTokens1796500000000 } from './1796500000000-PasswordResetTokens.js';
import { CqcRegistration1796203326967 } from './1796203326967-CqcRegistration.js';
import { AgrementValidFrom1796194500000 } from './1796194500000-AgrementValidFrom.js';
import { AnnualObligations1796193773896 } from './1796193773896-AnnualObligations.js';
import { JuryRequirements1796195000000 } from './1796195000000-JuryRequirements.js';
import { ConvocationProofsAndTitreTests1796192000000 } from './1796192000000-ConvocationProofsAndTitreTests.js';
import { JuryRules1796192661516 } from './1796192661516-JuryRules.js';
import { CentreRegionTaskObligation1796192690683 } from './1796192690683-CentreRegionTaskObligation.js';
import { TrainingProviders1796191706646 } from './1796191706646-TrainingProviders.js';
import { CertificationPathways1796188611429 } from './1796188611429-CertificationPathways.js';
import { PersonRecords1796181189852 } from './1796181189852-PersonRecords.js';
import { LoginThrottle1796166555756 } from './1796166555756-LoginThrottle.js';
import { DashboardIndexes1795435541089 } from './1795435541089-DashboardIndexes.js';
import { RemindersOutboxCalendar1795430857212 } from './1795430857212-RemindersOutboxCalendar.js';
import { SessionIncidents1795430799887 } from './1795430799887-SessionIncidents.js';
import { Initial1795426480411 } from './1795426480411-Initial.js';

export const sqliteMigrations: (new () => MigrationInterface)[] = [
  Initial1795426480411,
  SessionIncidents1795430799887,
  RemindersOutboxCalendar1795430857212,
  DashboardIndexes1795435541089,
  LoginThrottle1796166555756,
  PersonRecords1796181189852,
  CertificationPathways1796188611429,
  TrainingProviders1796191706646,
  ConvocationProofsAndTitreTests1796192000000,
  JuryRules1796192661516,
  CentreRegionTaskObligation1796192690683,
  AnnualObligations1796193773896,
  AgrementValidFrom1796194500000,
  JuryRequirements1796195000000,
  CqcRegistration1796203326967,
  CqcCertificateReminders1796204784166,
  CqcCampaign1796210000000,
  CqcCampaignReminders1796210000001,
  CcpCqc1796211000000,
  CqcHubAccountNotice1796212000000,
  PasswordResetTokens1796500000000,
];
