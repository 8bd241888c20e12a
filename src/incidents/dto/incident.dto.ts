import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, Text, Uuid } from '../../common/validation/decorators.js';
import { INCIDENT_KINDS, type IncidentKind } from '../session-incident.entity.js';

export class CreateIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS, description: 'Incident, ou fraude / tentative de fraude' })
  @IsIn(INCIDENT_KINDS)
  kind!: IncidentKind;

  @ApiProperty({ required: false, nullable: true, description: 'Candidat concerné' })
  @IsOptional()
  @Uuid()
  candidateId?: string | null;

  @ApiProperty({ example: '2027-06-14', description: 'Date des faits (pendant la session)' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiProperty({ description: 'Description des faits' })
  @Text(5000, { multiline: true })
  description!: string;

  @ApiProperty({ required: false, description: 'Mesures prises' })
  @Text(5000, { optional: true, multiline: true })
  measures?: string | null;
}
