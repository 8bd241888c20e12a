import { Injectable } from '@nestjs/common';
import { IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sha256 } from '../auth/token.service.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { formatFrenchDate } from '../common/calendar-date.js';
import { personName } from '../common/person-order.js';
import { Database } from '../database/database.js';
import { CqcCertificate } from './cqc-certificate.entity.js';
import { CqcConfirmToken } from './cqc-confirm-token.entity.js';

/** What the driver's confirmation page shows: the question, the answer recorded, or why not. */
export type ConfirmOutcome =
  | { kind: 'ask'; name: string; validUntil: string; alreadyOrderedOn: string | null }
  | { kind: 'done'; name: string; orderedOn: string }
  | { kind: 'unknown' | 'used' | 'expired' };

/** Token syntax: base64url, 43 characters for 256 bits. Anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The link of a driver's certificate reminder (ReminderPlanner): the driver confirms, without an
 * account, that they ordered their card; the day is recorded on the certificate, audited as the
 * driver, and every link of the certificate is then spent.
 */
@Injectable()
export class CqcConfirmService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async check(token: string): Promise<ConfirmOutcome> {
    return this.db.read(async (m) => {
      const found = await this.find(m.getRepository(CqcConfirmToken), token);
      if (found.kind !== 'ok') return found;
      const certificate = await m.getRepository(CqcCertificate).findOne({
        where: { id: found.token.certificateId },
        relations: { candidate: true },
      });
      if (!certificate?.candidate) return { kind: 'unknown' };
      return {
        kind: 'ask',
        name: personName(certificate.candidate),
        validUntil: formatFrenchDate(certificate.validUntil),
        alreadyOrderedOn:
          certificate.cardOrderedOn === null ? null : formatFrenchDate(certificate.cardOrderedOn),
      };
    });
  }

  async confirm(token: string): Promise<ConfirmOutcome> {
    return this.db.transaction(async (m) => {
      const found = await this.find(m.getRepository(CqcConfirmToken), token);
      if (found.kind !== 'ok') return found;
      const certificate = await m.getRepository(CqcCertificate).findOne({
        where: { id: found.token.certificateId },
        relations: { candidate: { session: true } },
      });
      const candidate = certificate?.candidate;
      const session = candidate?.session;
      if (!certificate || !candidate || !session) return { kind: 'unknown' };
      const now = this.clock.nowIso();
      // The claim of this link is the single-use check: of two posts at once, one only gets it.
      const claimed = await m
        .getRepository(CqcConfirmToken)
        .update({ id: found.token.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1) return { kind: 'used' };
      // The question is answered: the certificate's other links are spent too.
      await m
        .getRepository(CqcConfirmToken)
        .update({ certificateId: certificate.id, usedAt: IsNull() }, { usedAt: now });
      const name = personName(candidate);
      if (certificate.cardOrderedOn !== null) {
        return { kind: 'done', name, orderedOn: formatFrenchDate(certificate.cardOrderedOn) };
      }
      const today = this.clock.today();
      await m
        .getRepository(CqcCertificate)
        .update({ id: certificate.id, cardOrderedOn: IsNull() }, { cardOrderedOn: today });
      const driver: Caller = {
        userId: candidate.id,
        email: candidate.email ?? `conducteur ${name}`,
        role: 'viewer',
        centreIds: [],
      };
      await this.audit.record(m, driver, {
        sessionId: session.id,
        centreId: session.centreId,
        entity: 'cqc_certificate',
        entityId: certificate.id,
        action: 'update',
        changes: { cardOrderedOn: { before: null, after: today } },
      });
      return { kind: 'done', name, orderedOn: formatFrenchDate(today) };
    });
  }

  private async find(
    repository: Repository<CqcConfirmToken>,
    token: string,
  ): Promise<{ kind: 'ok'; token: CqcConfirmToken } | { kind: 'unknown' | 'used' | 'expired' }> {
    if (!TOKEN_PATTERN.test(token)) return { kind: 'unknown' };
    const row = await repository.findOne({ where: { tokenHash: sha256(token) } });
    if (!row) return { kind: 'unknown' };
    if (row.usedAt !== null) return { kind: 'used' };
    if (row.expiresAt <= this.clock.nowIso()) return { kind: 'expired' };
    return { kind: 'ok', token: row };
  }
}
