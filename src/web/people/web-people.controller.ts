import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { PeopleService } from '../../people/people.service.js';
import {
  OUTCOME_LABELS,
  PATHWAY_LABELS,
  SESSION_NATURE_LABELS,
  SESSION_STATUS_LABELS,
} from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';

/** A person's page: identity and enrolments across the sessions of their centre. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('people')
export class WebPeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly pages: WebPages,
  ) {}

  @Get(':id')
  async show(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const person = await this.people.get(caller, id);
    const name = `${person.firstName} ${person.lastName}`;
    this.pages.render(req, res, 'people/show', name, 'sessions', {
      person: {
        name,
        lastName: person.lastName,
        firstName: person.firstName,
        birthDate: person.birthDate ? formatFrenchDate(person.birthDate) : '—',
        email: person.email ?? '—',
        phone: person.phone ?? '—',
        address: person.address || '—',
        drivingLicenceNumber: person.drivingLicenceNumber ?? '—',
      },
      enrolments: person.enrolments.map((e) => ({
        sessionId: e.sessionId,
        candidateId: e.candidateId,
        titre: `${e.titre.code} — ${e.titre.label} (${e.titre.version})`,
        nature: SESSION_NATURE_LABELS[e.nature],
        dates: `du ${formatFrenchDate(e.startDate)} au ${formatFrenchDate(e.endDate)}`,
        status: SESSION_STATUS_LABELS[e.status],
        pathway: PATHWAY_LABELS[e.pathway],
        results:
          e.results.map((r) => `${r.ccpCode} : ${OUTCOME_LABELS[r.outcome]}`).join(', ') || '—',
      })),
    });
  }
}
