import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CqcCertificatesController, CqcSessionController } from './cqc.controller.js';
import { CqcService } from './cqc.service.js';

/** Hub Pro Transport registration of a session's drivers and their certificates (issue 15). */
@Module({
  imports: [SessionsModule],
  controllers: [CqcSessionController, CqcCertificatesController],
  providers: [CqcService],
  exports: [CqcService],
})
export class CqcModule {}
