import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import type { RuleSource } from './certification-sources.js';
import type { SessionOutcome } from './record-rules.js';
import { RESIT_STATUS_LABELS, type ResitStatus } from './resit-rules.js';
import { ResitsService, type CentreResit, type ResitSession } from './resits.service.js';

/** One re-sit as `GET /api/centres/:id/resits` answers it (dates `YYYY-MM-DD`). */
export interface ResitResponse {
  personId: string;
  lastName: string;
  firstName: string;
  titre: { id: string; code: string; label: string; version: string };
  missingCcpCodes: string[];
  deadline: string;
  daysLeft: number;
  status: ResitStatus;
  statusLabel: string;
  plannedSession: ResitSession | null;
  /** The session and the enrolment whose outcome opened the re-sit. */
  sessionId: string;
  candidateId: string;
  sessionEndDate: string;
  outcome: SessionOutcome;
  source: RuleSource;
}

export function resitResponse(item: CentreResit): ResitResponse {
  return {
    personId: item.personId,
    lastName: item.lastName,
    firstName: item.firstName,
    titre: {
      id: item.titreId,
      code: item.titreCode,
      label: item.titreLabel,
      version: item.titreVersion,
    },
    missingCcpCodes: [...item.missingCcpCodes],
    deadline: item.deadline,
    daysLeft: item.daysLeft,
    status: item.status,
    statusLabel: RESIT_STATUS_LABELS[item.status],
    plannedSession: item.plannedSession,
    sessionId: item.sessionId,
    candidateId: item.candidateId,
    sessionEndDate: item.sessionEndDate,
    outcome: item.outcome,
    source: item.source,
  };
}

@ApiTags('centres')
@ApiBearerAuth()
@Controller('api/centres')
export class ResitsController {
  constructor(private readonly resits: ResitsService) {}

  @Get(':id/resits')
  @ApiOperation({
    summary: 'Rattrapages du centre',
    description:
      'Les personnes du centre en échec ou en réussite partielle avec un délai de rattrapage en cours (ou dépassé depuis moins d’un délai) : CCP manquants, échéance (fin de la session + délai de rattrapage du modèle), jours restants, statut (OPEN, PLANNED, EXPIRED) et session prévue ; échéance la plus proche en premier. 404 pour un centre hors de votre périmètre.',
  })
  async list(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<ResitResponse[]> {
    return (await this.resits.forCentre(caller, id)).map(resitResponse);
  }
}
