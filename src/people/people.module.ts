import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { CertificationModule } from '../certification/certification.module.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';

@Module({
  imports: [CentresModule, CertificationModule],
  controllers: [PeopleController],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
