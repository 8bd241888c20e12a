import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { JournalService } from './journal.service.js';

@Global()
@Module({ providers: [AuditService, JournalService], exports: [AuditService, JournalService] })
export class AuditModule {}
