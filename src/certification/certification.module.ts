import { Module } from '@nestjs/common';
import { CertificationRecords } from './certification-records.service.js';

/** The certification record of people across sessions, and the rules it rests on. */
@Module({
  providers: [CertificationRecords],
  exports: [CertificationRecords],
})
export class CertificationModule {}
