import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { AgrementsController } from './agrements.controller.js';
import { AgrementsService } from './agrements.service.js';

@Module({
  imports: [CentresModule, TitresModule],
  controllers: [AgrementsController],
  providers: [AgrementsService],
  exports: [AgrementsService],
})
export class AgrementsModule {}
