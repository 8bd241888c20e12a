import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { clientGoneSignal } from '../../common/http/client-gone.js';
import { CAMPAIGN_DOCUMENT_KINDS, type CampaignDocumentKind } from './campaign-documents.types.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import type { CqcCampaign, CqcCampaignClass, CqcCampaignSchool } from './campaign.entity.js';
import {
  CqcCampaignService,
  type CampaignView,
  type ClassSplitView,
  type FicheSessionView,
  type HandoverView,
  type MajorityView,
  type PupilView,
} from './campaign.service.js';
import {
  CreateCampaignDto,
  CreateClassDto,
  CreateFicheSessionsDto,
  CreateHandoverDto,
  CreatePupilsDto,
  CreateSchoolDto,
  DocumentQuery,
  IssueFichesDto,
  MajorityQuery,
  PatchCampaignDto,
  PatchClassDto,
  PatchHandoverDto,
  PatchPupilDto,
  PatchSchoolDto,
  PlacePupilDto,
  PupilsQuery,
  SplitQuery,
  VoidFicheDto,
} from './dto/campaign.dto.js';

/** A fiche number in a route: 1 to 999. */
function ficheNumber(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) {
    throw new BadRequestException(
      'Le paramètre « number » doit être un numéro de fiche (nombre entier de 1 à 999).',
    );
  }
  return Number(value);
}

function documentKind(value: string): CampaignDocumentKind {
  const kind = CAMPAIGN_DOCUMENT_KINDS.find((k) => k === value);
  if (!kind) {
    throw new BadRequestException(
      `Le paramètre « kind » doit être l’un des documents de la campagne : ${CAMPAIGN_DOCUMENT_KINDS.join(', ')}.`,
    );
  }
  return kind;
}

/** CQC-by-equivalence campaigns of the caller's centres (issue 15, seed 000). */
@ApiTags('cqc-campaigns')
@ApiBearerAuth()
@Controller('api/cqc/campaigns')
export class CqcCampaignController {
  constructor(private readonly campaigns: CqcCampaignService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(caller, dto);
  }

  @Get()
  list(@CurrentCaller() caller: Caller): Promise<CqcCampaign[]> {
    return this.campaigns.list(caller);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.campaigns.get(caller, id);
  }

  @Patch(':id')
  patch(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: PatchCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.patch(caller, id, dto);
  }

  @Post(':id/schools')
  @HttpCode(201)
  createSchool(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateSchoolDto,
  ): Promise<CqcCampaignSchool> {
    return this.campaigns.createSchool(caller, id, dto);
  }

  @Get(':id/schools')
  schools(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<CqcCampaignSchool[]> {
    return this.campaigns.schools(caller, id);
  }

  @Patch(':id/schools/:schoolId')
  patchSchool(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('schoolId') schoolId: string,
    @Body() dto: PatchSchoolDto,
  ): Promise<CqcCampaignSchool> {
    return this.campaigns.patchSchool(caller, id, schoolId, dto);
  }

  @Delete(':id/schools/:schoolId')
  @HttpCode(204)
  deleteSchool(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('schoolId') schoolId: string,
  ): Promise<void> {
    return this.campaigns.deleteSchool(caller, id, schoolId);
  }

  @Post(':id/classes')
  @HttpCode(201)
  createClass(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateClassDto,
  ): Promise<CqcCampaignClass> {
    return this.campaigns.createClass(caller, id, dto);
  }

  @Get(':id/classes')
  classes(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<CqcCampaignClass[]> {
    return this.campaigns.classes(caller, id);
  }

  @Patch(':id/classes/:classId')
  patchClass(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @Body() dto: PatchClassDto,
  ): Promise<CqcCampaignClass> {
    return this.campaigns.patchClass(caller, id, classId, dto);
  }

  @Delete(':id/classes/:classId')
  @HttpCode(204)
  deleteClass(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
  ): Promise<void> {
    return this.campaigns.deleteClass(caller, id, classId);
  }

  @Post(':id/pupils')
  @HttpCode(201)
  createPupils(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreatePupilsDto,
  ): Promise<PupilView[]> {
    return this.campaigns.createPupils(caller, id, dto);
  }

  @Get(':id/pupils')
  pupils(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: PupilsQuery,
  ): Promise<PupilView[]> {
    return this.campaigns.pupils(caller, id, query.classId);
  }

  @Patch(':id/pupils/:pupilId')
  patchPupil(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('pupilId') pupilId: string,
    @Body() dto: PatchPupilDto,
  ): Promise<PupilView> {
    return this.campaigns.patchPupil(caller, id, pupilId, dto);
  }

  @Delete(':id/pupils/:pupilId')
  @HttpCode(204)
  deletePupil(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('pupilId') pupilId: string,
  ): Promise<void> {
    return this.campaigns.deletePupil(caller, id, pupilId);
  }

  @Post(':id/pupils/:pupilId/placement')
  @HttpCode(200)
  placePupil(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('pupilId') pupilId: string,
    @Body() dto: PlacePupilDto,
  ): Promise<PupilView> {
    return this.campaigns.placePupil(caller, id, pupilId, dto);
  }

  @Get(':id/split')
  split(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: SplitQuery,
  ): Promise<ClassSplitView[]> {
    return this.campaigns.split(caller, id, query.classId);
  }

  @Post(':id/fiche-sessions')
  @HttpCode(201)
  createFicheSessions(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateFicheSessionsDto,
  ): Promise<FicheSessionView[]> {
    return this.campaigns.createFicheSessions(caller, id, dto);
  }

  @Get(':id/fiche-sessions')
  ficheSessions(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<FicheSessionView[]> {
    return this.campaigns.ficheSessions(caller, id);
  }

  @Get(':id/fiche-sessions/:ficheSessionId')
  ficheSession(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('ficheSessionId') ficheSessionId: string,
  ): Promise<FicheSessionView> {
    return this.campaigns.ficheSession(caller, id, ficheSessionId);
  }

  @Post(':id/fiche-sessions/:ficheSessionId/fiches')
  @HttpCode(201)
  issueFiches(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('ficheSessionId') ficheSessionId: string,
    @Body() dto: IssueFichesDto,
  ): Promise<FicheSessionView> {
    return this.campaigns.issueFiches(caller, id, ficheSessionId, dto);
  }

  @Post(':id/fiche-sessions/:ficheSessionId/fiches/:number/void')
  @HttpCode(200)
  voidFiche(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('ficheSessionId') ficheSessionId: string,
    @Param('number') number: string,
    @Body() dto: VoidFicheDto,
  ): Promise<FicheSessionView> {
    return this.campaigns.voidFiche(caller, id, ficheSessionId, ficheNumber(number), dto);
  }

  @Get(':id/majority')
  majority(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: MajorityQuery,
  ): Promise<MajorityView> {
    return this.campaigns.majority(caller, id, query);
  }

  @Post(':id/hand-overs')
  @HttpCode(201)
  createHandover(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateHandoverDto,
  ): Promise<HandoverView> {
    return this.campaigns.createHandover(caller, id, dto);
  }

  @Get(':id/hand-overs')
  handovers(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<HandoverView[]> {
    return this.campaigns.handovers(caller, id);
  }

  @Patch(':id/hand-overs/:handoverId')
  patchHandover(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('handoverId') handoverId: string,
    @Body() dto: PatchHandoverDto,
  ): Promise<HandoverView> {
    return this.campaigns.patchHandover(caller, id, handoverId, dto);
  }

  @Get(':id/documents/:kind.pdf')
  @ApiProduces('application/pdf')
  async document(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Param('kind') kind: string,
    @Query() query: DocumentQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.campaigns.document(
      caller,
      id,
      documentKind(kind),
      query.schoolId ?? null,
      clientGoneSignal(res),
    );
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      `inline; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body);
  }
}
