import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { SessionEvents } from './session-events.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [CentresModule, TitresModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionEvents],
  exports: [SessionsService, SessionEvents],
})
export class SessionsModule {}
