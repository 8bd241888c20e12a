import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import type { ConventionAvenant } from './convention-avenant.entity.js';
import {
  CreateAvenantDto,
  CreateConventionDto,
  CreateProviderDto,
  UpdateAvenantDto,
  UpdateConventionDto,
  UpdateProviderDto,
} from './dto/provider.dto.js';
import type { ProviderConvention } from './provider-convention.entity.js';
import { ProvidersService, type ProviderView } from './providers.service.js';
import type { TrainingProvider } from './training-provider.entity.js';

const CONVENTION = ':providerId/conventions/:conventionId';

@ApiTags('organismes de formation')
@ApiBearerAuth()
@Controller('api/centres/:id/providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<ProviderView[]> {
    return this.providers.list(caller, id);
  }

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateProviderDto,
  ): Promise<TrainingProvider> {
    return this.providers.create(caller, id, dto);
  }

  @Patch(':providerId')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @Body() dto: UpdateProviderDto,
  ): Promise<TrainingProvider> {
    return this.providers.update(caller, id, providerId, dto);
  }

  @Delete(':providerId')
  @HttpCode(204)
  remove(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
  ): Promise<void> {
    return this.providers.remove(caller, id, providerId);
  }

  @Post(':providerId/conventions')
  createConvention(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @Body() dto: CreateConventionDto,
  ): Promise<ProviderConvention> {
    return this.providers.createConvention(caller, id, providerId, dto);
  }

  @Patch(CONVENTION)
  updateConvention(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @Body() dto: UpdateConventionDto,
  ): Promise<ProviderConvention> {
    return this.providers.updateConvention(caller, id, providerId, conventionId, dto);
  }

  @Delete(CONVENTION)
  @HttpCode(204)
  removeConvention(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
  ): Promise<void> {
    return this.providers.removeConvention(caller, id, providerId, conventionId);
  }

  @Post(`${CONVENTION}/avenants`)
  createAvenant(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @Body() dto: CreateAvenantDto,
  ): Promise<ConventionAvenant> {
    return this.providers.createAvenant(caller, id, providerId, conventionId, dto);
  }

  @Patch(`${CONVENTION}/avenants/:avenantId`)
  updateAvenant(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @UuidParam('avenantId') avenantId: string,
    @Body() dto: UpdateAvenantDto,
  ): Promise<ConventionAvenant> {
    return this.providers.updateAvenant(caller, id, providerId, conventionId, avenantId, dto);
  }

  @Delete(`${CONVENTION}/avenants/:avenantId`)
  @HttpCode(204)
  removeAvenant(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @UuidParam('avenantId') avenantId: string,
  ): Promise<void> {
    return this.providers.removeAvenant(caller, id, providerId, conventionId, avenantId);
  }
}
