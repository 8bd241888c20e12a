import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795426480411 implements MigrationInterface {
  name = 'Initial1795426480411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a8f18680a0c541a6d28cf8b608" ON "site" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "centre" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(20), "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "ccp" ("id" varchar PRIMARY KEY NOT NULL, "titreId" varchar NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "kind" varchar(3) NOT NULL DEFAULT ('CCP'), "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_760f61557b416072adfd3ee8e4" ON "ccp" ("titreId", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "titre" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "version" varchar(30) NOT NULL, "validUntil" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e121943386223f143e4dd0b9e9" ON "titre" ("code", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agrement" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "reference" varchar(50) NOT NULL DEFAULT (''), "validUntil" varchar(10) NOT NULL, "maxCandidates" integer NOT NULL, "technicalPlatform" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cfffddd2e4ec61a80e9aa04c53" ON "agrement" ("centreId", "siteId", "titreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sessionId" varchar, "centreId" varchar, "entity" varchar(40) NOT NULL, "entityId" varchar(36) NOT NULL, "action" varchar(20) NOT NULL, "field" varchar(60), "before" text, "after" text, "actorId" varchar, "actorEmail" varchar(254) NOT NULL, "at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d68cacd9ce56e0bd54c9f8d1ca" ON "audit_entry" ("sessionId", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_centre" ("userId" varchar NOT NULL, "centreId" varchar NOT NULL, PRIMARY KEY ("userId", "centreId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "passwordHash" varchar(200) NOT NULL, "role" varchar(10) NOT NULL, "firstName" varchar(100) NOT NULL DEFAULT (''), "lastName" varchar(100) NOT NULL DEFAULT (''), "active" boolean NOT NULL DEFAULT (1), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user" ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b8d5076cd3f3572829943b3f8a" ON "api_token" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "setup_token" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" varchar(24) NOT NULL, "usedAt" varchar(24))`,
    );
    await queryRunner.query(
      `CREATE TABLE "exam_session" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "nature" varchar(5) NOT NULL, "ccpCodes" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "startTime" varchar(5) NOT NULL DEFAULT ('09:00'), "location" varchar(300) NOT NULL DEFAULT (''), "managerId" varchar, "deputyManagerId" varchar, "status" varchar(10) NOT NULL DEFAULT ('PLANNED'), "cancelReason" text, "checklistVersion" integer NOT NULL DEFAULT (1), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f855c6951e13f61f586916061c" ON "exam_session" ("centreId", "startDate") `,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "jury_member" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "email" varchar(254), "phone" varchar(30), "employer" varchar(200) NOT NULL DEFAULT (''), "professionalised" boolean NOT NULL DEFAULT (0), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dba671532f466866bac0f8e8a0" ON "jury_member" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "habilitation" ("id" varchar PRIMARY KEY NOT NULL, "juryMemberId" varchar NOT NULL, "titreId" varchar NOT NULL, "validUntil" varchar(10) NOT NULL, "ccpCodes" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3795a3cfbc030a7a1e1d5b5242" ON "habilitation" ("juryMemberId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "link_declaration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "candidateId" varchar NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT (''), "declaredOn" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dbac696e8f75e5f9fb66586633" ON "link_declaration" ("sessionId", "juryMemberId", "candidateId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_staff" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "role" varchar(12) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff" ("sessionId", "juryMemberId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_date_change" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "previousStartDate" varchar(10) NOT NULL, "previousEndDate" varchar(10) NOT NULL, "newStartDate" varchar(10) NOT NULL, "newEndDate" varchar(10) NOT NULL, "reason" text NOT NULL DEFAULT (''), "changedBy" varchar, "changedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_54bed57e17de772f428dd6a276" ON "session_date_change" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_task" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "templateVersion" integer NOT NULL, "code" varchar(60) NOT NULL, "phase" varchar(10) NOT NULL, "position" integer NOT NULL, "parentCode" varchar(60), "label" text NOT NULL, "items" text NOT NULL, "regulatory" boolean NOT NULL, "advised" boolean NOT NULL, "dueRule" text NOT NULL, "applicability" varchar(30) NOT NULL, "sourceText" text NOT NULL, "references" text NOT NULL, "notes" text NOT NULL DEFAULT (''), "dueDate" varchar(10) NOT NULL, "dueKind" varchar(12) NOT NULL, "workingDayFallback" varchar(10), "status" varchar(16) NOT NULL DEFAULT ('todo'), "doneAt" varchar(10), "doneBy" varchar, "doneByEmail" varchar(254), "observations" text NOT NULL DEFAULT (''), "reason" text NOT NULL DEFAULT (''), "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_82158b4c8c39b32572a22906c1" ON "session_task" ("status", "dueDate") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4d6dfcb7532bec86b1f7d978c0" ON "session_task" ("sessionId", "code") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a8f18680a0c541a6d28cf8b608"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_site" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_a8f18680a0c541a6d28cf8b6087" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_site"("id", "centreId", "name", "address", "postalCode", "city", "createdAt") SELECT "id", "centreId", "name", "address", "postalCode", "city", "createdAt" FROM "site"`,
    );
    await queryRunner.query(`DROP TABLE "site"`);
    await queryRunner.query(`ALTER TABLE "temporary_site" RENAME TO "site"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a8f18680a0c541a6d28cf8b608" ON "site" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_760f61557b416072adfd3ee8e4"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ccp" ("id" varchar PRIMARY KEY NOT NULL, "titreId" varchar NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "kind" varchar(3) NOT NULL DEFAULT ('CCP'), "position" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_78e348eaaf7dfb97ba6cc3486d5" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ccp"("id", "titreId", "code", "label", "kind", "position") SELECT "id", "titreId", "code", "label", "kind", "position" FROM "ccp"`,
    );
    await queryRunner.query(`DROP TABLE "ccp"`);
    await queryRunner.query(`ALTER TABLE "temporary_ccp" RENAME TO "ccp"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_760f61557b416072adfd3ee8e4" ON "ccp" ("titreId", "code") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cfffddd2e4ec61a80e9aa04c53"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_agrement" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "reference" varchar(50) NOT NULL DEFAULT (''), "validUntil" varchar(10) NOT NULL, "maxCandidates" integer NOT NULL, "technicalPlatform" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_99c249033d498280f7410432b37" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_89ac672a87e8ed418d88f33c43b" FOREIGN KEY ("siteId") REFERENCES "site" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_be5841678fd146a8a8d7e2b88d8" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_agrement"("id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt") SELECT "id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt" FROM "agrement"`,
    );
    await queryRunner.query(`DROP TABLE "agrement"`);
    await queryRunner.query(`ALTER TABLE "temporary_agrement" RENAME TO "agrement"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cfffddd2e4ec61a80e9aa04c53" ON "agrement" ("centreId", "siteId", "titreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_user_centre" ("userId" varchar NOT NULL, "centreId" varchar NOT NULL, CONSTRAINT "FK_9fa5eb7ae7f24de487b3a41ad9d" FOREIGN KEY ("userId") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_95680ab4209e4ef52b4944da375" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("userId", "centreId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user_centre"("userId", "centreId") SELECT "userId", "centreId" FROM "user_centre"`,
    );
    await queryRunner.query(`DROP TABLE "user_centre"`);
    await queryRunner.query(`ALTER TABLE "temporary_user_centre" RENAME TO "user_centre"`);
    await queryRunner.query(`DROP INDEX "IDX_b8d5076cd3f3572829943b3f8a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_api_token" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24), CONSTRAINT "FK_cbfc4e2b85b78207afb0b2d7fbc" FOREIGN KEY ("userId") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_api_token"("id", "tokenHash", "userId", "createdAt", "expiresAt", "revokedAt") SELECT "id", "tokenHash", "userId", "createdAt", "expiresAt", "revokedAt" FROM "api_token"`,
    );
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`ALTER TABLE "temporary_api_token" RENAME TO "api_token"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b8d5076cd3f3572829943b3f8a" ON "api_token" ("tokenHash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f855c6951e13f61f586916061c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_exam_session" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "nature" varchar(5) NOT NULL, "ccpCodes" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "startTime" varchar(5) NOT NULL DEFAULT ('09:00'), "location" varchar(300) NOT NULL DEFAULT (''), "managerId" varchar, "deputyManagerId" varchar, "status" varchar(10) NOT NULL DEFAULT ('PLANNED'), "cancelReason" text, "checklistVersion" integer NOT NULL DEFAULT (1), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_66d7a9189125435ad484a200794" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5a092d3ee9fbad989edc3f6555b" FOREIGN KEY ("siteId") REFERENCES "site" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_49964d876c810933c9c5bcd8d85" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dd9ad91192ae58de34e19bd64b1" FOREIGN KEY ("managerId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_076ddf4f557b32f9f100363c88b" FOREIGN KEY ("deputyManagerId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_exam_session"("id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version") SELECT "id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version" FROM "exam_session"`,
    );
    await queryRunner.query(`DROP TABLE "exam_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_exam_session" RENAME TO "exam_session"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f855c6951e13f61f586916061c" ON "exam_session" ("centreId", "startDate") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dba671532f466866bac0f8e8a0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_jury_member" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "email" varchar(254), "phone" varchar(30), "employer" varchar(200) NOT NULL DEFAULT (''), "professionalised" boolean NOT NULL DEFAULT (0), "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_dba671532f466866bac0f8e8a05" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_jury_member"("id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt") SELECT "id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt" FROM "jury_member"`,
    );
    await queryRunner.query(`DROP TABLE "jury_member"`);
    await queryRunner.query(`ALTER TABLE "temporary_jury_member" RENAME TO "jury_member"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dba671532f466866bac0f8e8a0" ON "jury_member" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_3795a3cfbc030a7a1e1d5b5242"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_habilitation" ("id" varchar PRIMARY KEY NOT NULL, "juryMemberId" varchar NOT NULL, "titreId" varchar NOT NULL, "validUntil" varchar(10) NOT NULL, "ccpCodes" text NOT NULL, CONSTRAINT "FK_3795a3cfbc030a7a1e1d5b52427" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fbf4db17008a25e9980320d5822" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_habilitation"("id", "juryMemberId", "titreId", "validUntil", "ccpCodes") SELECT "id", "juryMemberId", "titreId", "validUntil", "ccpCodes" FROM "habilitation"`,
    );
    await queryRunner.query(`DROP TABLE "habilitation"`);
    await queryRunner.query(`ALTER TABLE "temporary_habilitation" RENAME TO "habilitation"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_3795a3cfbc030a7a1e1d5b5242" ON "habilitation" ("juryMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_link_declaration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "candidateId" varchar NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT (''), "declaredOn" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_e25f1332d8861d693eef87fe61d" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e64e18050727fbd13313beff6b9" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_86923cd47bcc7474b74d0d2e852" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_link_declaration"("id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt") SELECT "id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt" FROM "link_declaration"`,
    );
    await queryRunner.query(`DROP TABLE "link_declaration"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_link_declaration" RENAME TO "link_declaration"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dbac696e8f75e5f9fb66586633" ON "link_declaration" ("sessionId", "juryMemberId", "candidateId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cc0e28dbd2449041d7f7a70900"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_staff" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "role" varchar(12) NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_9efd5a93feea7b5ada263e9e387" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3b518edc11f487df92a29cf22e6" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_staff"("id", "sessionId", "juryMemberId", "role", "createdAt") SELECT "id", "sessionId", "juryMemberId", "role", "createdAt" FROM "session_staff"`,
    );
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_staff" RENAME TO "session_staff"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff" ("sessionId", "juryMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_54bed57e17de772f428dd6a276"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_date_change" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "previousStartDate" varchar(10) NOT NULL, "previousEndDate" varchar(10) NOT NULL, "newStartDate" varchar(10) NOT NULL, "newEndDate" varchar(10) NOT NULL, "reason" text NOT NULL DEFAULT (''), "changedBy" varchar, "changedAt" varchar(24) NOT NULL, CONSTRAINT "FK_54bed57e17de772f428dd6a276a" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_date_change"("id", "sessionId", "previousStartDate", "previousEndDate", "newStartDate", "newEndDate", "reason", "changedBy", "changedAt") SELECT "id", "sessionId", "previousStartDate", "previousEndDate", "newStartDate", "newEndDate", "reason", "changedBy", "changedAt" FROM "session_date_change"`,
    );
    await queryRunner.query(`DROP TABLE "session_date_change"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_session_date_change" RENAME TO "session_date_change"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_54bed57e17de772f428dd6a276" ON "session_date_change" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_82158b4c8c39b32572a22906c1"`);
    await queryRunner.query(`DROP INDEX "IDX_4d6dfcb7532bec86b1f7d978c0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_task" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "templateVersion" integer NOT NULL, "code" varchar(60) NOT NULL, "phase" varchar(10) NOT NULL, "position" integer NOT NULL, "parentCode" varchar(60), "label" text NOT NULL, "items" text NOT NULL, "regulatory" boolean NOT NULL, "advised" boolean NOT NULL, "dueRule" text NOT NULL, "applicability" varchar(30) NOT NULL, "sourceText" text NOT NULL, "references" text NOT NULL, "notes" text NOT NULL DEFAULT (''), "dueDate" varchar(10) NOT NULL, "dueKind" varchar(12) NOT NULL, "workingDayFallback" varchar(10), "status" varchar(16) NOT NULL DEFAULT ('todo'), "doneAt" varchar(10), "doneBy" varchar, "doneByEmail" varchar(254), "observations" text NOT NULL DEFAULT (''), "reason" text NOT NULL DEFAULT (''), "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_0ed0d5467435f091bde239bdc61" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_task"("id", "sessionId", "templateVersion", "code", "phase", "position", "parentCode", "label", "items", "regulatory", "advised", "dueRule", "applicability", "sourceText", "references", "notes", "dueDate", "dueKind", "workingDayFallback", "status", "doneAt", "doneBy", "doneByEmail", "observations", "reason", "updatedAt", "version") SELECT "id", "sessionId", "templateVersion", "code", "phase", "position", "parentCode", "label", "items", "regulatory", "advised", "dueRule", "applicability", "sourceText", "references", "notes", "dueDate", "dueKind", "workingDayFallback", "status", "doneAt", "doneBy", "doneByEmail", "observations", "reason", "updatedAt", "version" FROM "session_task"`,
    );
    await queryRunner.query(`DROP TABLE "session_task"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_task" RENAME TO "session_task"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_82158b4c8c39b32572a22906c1" ON "session_task" ("status", "dueDate") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4d6dfcb7532bec86b1f7d978c0" ON "session_task" ("sessionId", "code") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_4d6dfcb7532bec86b1f7d978c0"`);
    await queryRunner.query(`DROP INDEX "IDX_82158b4c8c39b32572a22906c1"`);
    await queryRunner.query(`ALTER TABLE "session_task" RENAME TO "temporary_session_task"`);
    await queryRunner.query(
      `CREATE TABLE "session_task" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "templateVersion" integer NOT NULL, "code" varchar(60) NOT NULL, "phase" varchar(10) NOT NULL, "position" integer NOT NULL, "parentCode" varchar(60), "label" text NOT NULL, "items" text NOT NULL, "regulatory" boolean NOT NULL, "advised" boolean NOT NULL, "dueRule" text NOT NULL, "applicability" varchar(30) NOT NULL, "sourceText" text NOT NULL, "references" text NOT NULL, "notes" text NOT NULL DEFAULT (''), "dueDate" varchar(10) NOT NULL, "dueKind" varchar(12) NOT NULL, "workingDayFallback" varchar(10), "status" varchar(16) NOT NULL DEFAULT ('todo'), "doneAt" varchar(10), "doneBy" varchar, "doneByEmail" varchar(254), "observations" text NOT NULL DEFAULT (''), "reason" text NOT NULL DEFAULT (''), "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "session_task"("id", "sessionId", "templateVersion", "code", "phase", "position", "parentCode", "label", "items", "regulatory", "advised", "dueRule", "applicability", "sourceText", "references", "notes", "dueDate", "dueKind", "workingDayFallback", "status", "doneAt", "doneBy", "doneByEmail", "observations", "reason", "updatedAt", "version") SELECT "id", "sessionId", "templateVersion", "code", "phase", "position", "parentCode", "label", "items", "regulatory", "advised", "dueRule", "applicability", "sourceText", "references", "notes", "dueDate", "dueKind", "workingDayFallback", "status", "doneAt", "doneBy", "doneByEmail", "observations", "reason", "updatedAt", "version" FROM "temporary_session_task"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_task"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4d6dfcb7532bec86b1f7d978c0" ON "session_task" ("sessionId", "code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_82158b4c8c39b32572a22906c1" ON "session_task" ("status", "dueDate") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_54bed57e17de772f428dd6a276"`);
    await queryRunner.query(
      `ALTER TABLE "session_date_change" RENAME TO "temporary_session_date_change"`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_date_change" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "previousStartDate" varchar(10) NOT NULL, "previousEndDate" varchar(10) NOT NULL, "newStartDate" varchar(10) NOT NULL, "newEndDate" varchar(10) NOT NULL, "reason" text NOT NULL DEFAULT (''), "changedBy" varchar, "changedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "session_date_change"("id", "sessionId", "previousStartDate", "previousEndDate", "newStartDate", "newEndDate", "reason", "changedBy", "changedAt") SELECT "id", "sessionId", "previousStartDate", "previousEndDate", "newStartDate", "newEndDate", "reason", "changedBy", "changedAt" FROM "temporary_session_date_change"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_date_change"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_54bed57e17de772f428dd6a276" ON "session_date_change" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cc0e28dbd2449041d7f7a70900"`);
    await queryRunner.query(`ALTER TABLE "session_staff" RENAME TO "temporary_session_staff"`);
    await queryRunner.query(
      `CREATE TABLE "session_staff" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "role" varchar(12) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "session_staff"("id", "sessionId", "juryMemberId", "role", "createdAt") SELECT "id", "sessionId", "juryMemberId", "role", "createdAt" FROM "temporary_session_staff"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_staff"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff" ("sessionId", "juryMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(
      `ALTER TABLE "link_declaration" RENAME TO "temporary_link_declaration"`,
    );
    await queryRunner.query(
      `CREATE TABLE "link_declaration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "candidateId" varchar NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT (''), "declaredOn" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "link_declaration"("id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt") SELECT "id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt" FROM "temporary_link_declaration"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_link_declaration"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dbac696e8f75e5f9fb66586633" ON "link_declaration" ("sessionId", "juryMemberId", "candidateId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_3795a3cfbc030a7a1e1d5b5242"`);
    await queryRunner.query(`ALTER TABLE "habilitation" RENAME TO "temporary_habilitation"`);
    await queryRunner.query(
      `CREATE TABLE "habilitation" ("id" varchar PRIMARY KEY NOT NULL, "juryMemberId" varchar NOT NULL, "titreId" varchar NOT NULL, "validUntil" varchar(10) NOT NULL, "ccpCodes" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "habilitation"("id", "juryMemberId", "titreId", "validUntil", "ccpCodes") SELECT "id", "juryMemberId", "titreId", "validUntil", "ccpCodes" FROM "temporary_habilitation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_habilitation"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_3795a3cfbc030a7a1e1d5b5242" ON "habilitation" ("juryMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dba671532f466866bac0f8e8a0"`);
    await queryRunner.query(`ALTER TABLE "jury_member" RENAME TO "temporary_jury_member"`);
    await queryRunner.query(
      `CREATE TABLE "jury_member" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "email" varchar(254), "phone" varchar(30), "employer" varchar(200) NOT NULL DEFAULT (''), "professionalised" boolean NOT NULL DEFAULT (0), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "jury_member"("id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt") SELECT "id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt" FROM "temporary_jury_member"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_jury_member"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dba671532f466866bac0f8e8a0" ON "jury_member" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`ALTER TABLE "candidate" RENAME TO "temporary_candidate"`);
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version" FROM "temporary_candidate"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f855c6951e13f61f586916061c"`);
    await queryRunner.query(`ALTER TABLE "exam_session" RENAME TO "temporary_exam_session"`);
    await queryRunner.query(
      `CREATE TABLE "exam_session" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "nature" varchar(5) NOT NULL, "ccpCodes" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "startTime" varchar(5) NOT NULL DEFAULT ('09:00'), "location" varchar(300) NOT NULL DEFAULT (''), "managerId" varchar, "deputyManagerId" varchar, "status" varchar(10) NOT NULL DEFAULT ('PLANNED'), "cancelReason" text, "checklistVersion" integer NOT NULL DEFAULT (1), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "exam_session"("id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version") SELECT "id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version" FROM "temporary_exam_session"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_exam_session"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f855c6951e13f61f586916061c" ON "exam_session" ("centreId", "startDate") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_b8d5076cd3f3572829943b3f8a"`);
    await queryRunner.query(`ALTER TABLE "api_token" RENAME TO "temporary_api_token"`);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL, "expiresAt" varchar(24) NOT NULL, "revokedAt" varchar(24))`,
    );
    await queryRunner.query(
      `INSERT INTO "api_token"("id", "tokenHash", "userId", "createdAt", "expiresAt", "revokedAt") SELECT "id", "tokenHash", "userId", "createdAt", "expiresAt", "revokedAt" FROM "temporary_api_token"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_api_token"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b8d5076cd3f3572829943b3f8a" ON "api_token" ("tokenHash") `,
    );
    await queryRunner.query(`ALTER TABLE "user_centre" RENAME TO "temporary_user_centre"`);
    await queryRunner.query(
      `CREATE TABLE "user_centre" ("userId" varchar NOT NULL, "centreId" varchar NOT NULL, PRIMARY KEY ("userId", "centreId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "user_centre"("userId", "centreId") SELECT "userId", "centreId" FROM "temporary_user_centre"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user_centre"`);
    await queryRunner.query(`DROP INDEX "IDX_cfffddd2e4ec61a80e9aa04c53"`);
    await queryRunner.query(`ALTER TABLE "agrement" RENAME TO "temporary_agrement"`);
    await queryRunner.query(
      `CREATE TABLE "agrement" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "reference" varchar(50) NOT NULL DEFAULT (''), "validUntil" varchar(10) NOT NULL, "maxCandidates" integer NOT NULL, "technicalPlatform" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "agrement"("id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt") SELECT "id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt" FROM "temporary_agrement"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_agrement"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cfffddd2e4ec61a80e9aa04c53" ON "agrement" ("centreId", "siteId", "titreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_760f61557b416072adfd3ee8e4"`);
    await queryRunner.query(`ALTER TABLE "ccp" RENAME TO "temporary_ccp"`);
    await queryRunner.query(
      `CREATE TABLE "ccp" ("id" varchar PRIMARY KEY NOT NULL, "titreId" varchar NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "kind" varchar(3) NOT NULL DEFAULT ('CCP'), "position" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "ccp"("id", "titreId", "code", "label", "kind", "position") SELECT "id", "titreId", "code", "label", "kind", "position" FROM "temporary_ccp"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ccp"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_760f61557b416072adfd3ee8e4" ON "ccp" ("titreId", "code") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a8f18680a0c541a6d28cf8b608"`);
    await queryRunner.query(`ALTER TABLE "site" RENAME TO "temporary_site"`);
    await queryRunner.query(
      `CREATE TABLE "site" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "site"("id", "centreId", "name", "address", "postalCode", "city", "createdAt") SELECT "id", "centreId", "name", "address", "postalCode", "city", "createdAt" FROM "temporary_site"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_site"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a8f18680a0c541a6d28cf8b608" ON "site" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_4d6dfcb7532bec86b1f7d978c0"`);
    await queryRunner.query(`DROP INDEX "IDX_82158b4c8c39b32572a22906c1"`);
    await queryRunner.query(`DROP TABLE "session_task"`);
    await queryRunner.query(`DROP INDEX "IDX_54bed57e17de772f428dd6a276"`);
    await queryRunner.query(`DROP TABLE "session_date_change"`);
    await queryRunner.query(`DROP INDEX "IDX_cc0e28dbd2449041d7f7a70900"`);
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`DROP INDEX "IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(`DROP TABLE "link_declaration"`);
    await queryRunner.query(`DROP INDEX "IDX_3795a3cfbc030a7a1e1d5b5242"`);
    await queryRunner.query(`DROP TABLE "habilitation"`);
    await queryRunner.query(`DROP INDEX "IDX_dba671532f466866bac0f8e8a0"`);
    await queryRunner.query(`DROP TABLE "jury_member"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`DROP INDEX "IDX_f855c6951e13f61f586916061c"`);
    await queryRunner.query(`DROP TABLE "exam_session"`);
    await queryRunner.query(`DROP TABLE "setup_token"`);
    await queryRunner.query(`DROP INDEX "IDX_b8d5076cd3f3572829943b3f8a"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "user_centre"`);
    await queryRunner.query(`DROP INDEX "IDX_d68cacd9ce56e0bd54c9f8d1ca"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_cfffddd2e4ec61a80e9aa04c53"`);
    await queryRunner.query(`DROP TABLE "agrement"`);
    await queryRunner.query(`DROP INDEX "IDX_e121943386223f143e4dd0b9e9"`);
    await queryRunner.query(`DROP TABLE "titre"`);
    await queryRunner.query(`DROP INDEX "IDX_760f61557b416072adfd3ee8e4"`);
    await queryRunner.query(`DROP TABLE "ccp"`);
    await queryRunner.query(`DROP TABLE "centre"`);
    await queryRunner.query(`DROP INDEX "IDX_a8f18680a0c541a6d28cf8b608"`);
    await queryRunner.query(`DROP TABLE "site"`);
  }
}
