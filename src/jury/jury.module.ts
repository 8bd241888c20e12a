import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { JuryMembersController } from './jury-members.controller.js';
import { JuryMembersService } from './jury-members.service.js';
import { SessionJuryController } from './session-jury.controller.js';
import { SessionJuryService } from './session-jury.service.js';

@Module({
  imports: [SessionsModule, CentresModule, TitresModule],
  controllers: [JuryMembersController, SessionJuryController],
  providers: [JuryMembersService, SessionJuryService],
  exports: [JuryMembersService, SessionJuryService],
})
export class JuryModule {}
