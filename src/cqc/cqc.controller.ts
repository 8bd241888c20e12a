import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import type { CqcDriver } from './cqc-driver.entity.js';
import { CqcService, type CqcCertificateView, type CqcRegistrationView } from './cqc.service.js';
import {
  CqcCertificatesQuery,
  CqcRegistrationCsvQuery,
  PatchCqcCertificateDto,
  PutCqcDriverDto,
  RecordCqcRegistrationDto,
} from './dto/cqc.dto.js';

/** A session's drivers and their registration on Hub Pro Transport (issue 15). */
@ApiTags('cqc')
@ApiBearerAuth()
@Controller('api/sessions/:id/cqc')
export class CqcSessionController {
  constructor(private readonly cqc: CqcService) {}

  @Put('drivers/:cid')
  putDriver(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('cid') candidateId: string,
    @Body() dto: PutCqcDriverDto,
  ): Promise<CqcDriver> {
    return this.cqc.putDriver(caller, sessionId, candidateId, dto);
  }

  @Get('registration')
  registration(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
  ): Promise<CqcRegistrationView> {
    return this.cqc.registration(caller, sessionId);
  }

  @Get('registration.csv')
  @ApiProduces('text/csv')
  registrationCsv(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Query() query: CqcRegistrationCsvQuery,
  ): Promise<StreamableFile> {
    return this.cqc.registrationCsv(caller, sessionId, query.training);
  }

  @Post('registration')
  @HttpCode(201)
  record(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: RecordCqcRegistrationDto,
  ): Promise<CqcRegistrationView> {
    return this.cqc.recordRegistration(caller, sessionId, dto);
  }
}

/** The probationary certificates of the caller's centres. */
@ApiTags('cqc')
@ApiBearerAuth()
@Controller('api/cqc/certificates')
export class CqcCertificatesController {
  constructor(private readonly cqc: CqcService) {}

  @Get()
  list(
    @CurrentCaller() caller: Caller,
    @Query() query: CqcCertificatesQuery,
  ): Promise<CqcCertificateView[]> {
    return this.cqc.certificates(caller, query);
  }

  @Patch(':id')
  patch(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: PatchCqcCertificateDto,
  ): Promise<CqcCertificateView> {
    return this.cqc.patchCertificate(caller, id, dto);
  }
}
