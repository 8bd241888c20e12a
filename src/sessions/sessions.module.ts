import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { SessionEvents } from './session-events.js';
import { SessionHeaderQuery } from './session-header.query.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [CentresModule, TitresModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionEvents, SessionHeaderQuery],
  exports: [SessionsService, SessionEvents, SessionHeaderQuery],
})
export class SessionsModule {}
