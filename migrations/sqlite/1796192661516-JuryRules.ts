import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JuryRules1796192661516 implements MigrationInterface {
  name = 'JuryRules1796192661516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5cee727da22268909f2789fa8b"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "trainingProviderId" varchar, "trainerIds" text NOT NULL DEFAULT ('[]'), CONSTRAINT "FK_5cee727da22268909f2789fa8b8" FOREIGN KEY ("trainingProviderId") REFERENCES "training_provider" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_5cee727da22268909f2789fa8b" ON "candidate" ("trainingProviderId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dba671532f466866bac0f8e8a0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_jury_member" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "email" varchar(254), "phone" varchar(30), "employer" varchar(200) NOT NULL DEFAULT (''), "professionalised" boolean NOT NULL DEFAULT (0), "createdAt" varchar(24) NOT NULL, "address" varchar(500) NOT NULL DEFAULT (''), CONSTRAINT "FK_dba671532f466866bac0f8e8a05" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_jury_member"("id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt") SELECT "id", "centreId", "lastName", "firstName", "email", "phone", "employer", "professionalised", "createdAt" FROM "jury_member"`,
    );
    await queryRunner.query(`DROP TABLE "jury_member"`);
    await queryRunner.query(`ALTER TABLE "temporary_jury_member" RENAME TO "jury_member"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dba671532f466866bac0f8e8a0" ON "jury_member" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_link_declaration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "candidateId" varchar NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT (''), "declaredOn" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, "linkKind" varchar(12), CONSTRAINT "FK_86923cd47bcc7474b74d0d2e852" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e64e18050727fbd13313beff6b9" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e25f1332d8861d693eef87fe61d" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
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
      `CREATE TABLE "temporary_session_staff" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "role" varchar(12) NOT NULL, "createdAt" varchar(24) NOT NULL, "convocationDate" varchar(10), "attendance" varchar(8), "arrivalTime" varchar(5), CONSTRAINT "FK_3b518edc11f487df92a29cf22e6" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_9efd5a93feea7b5ada263e9e387" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_staff"("id", "sessionId", "juryMemberId", "role", "createdAt") SELECT "id", "sessionId", "juryMemberId", "role", "createdAt" FROM "session_staff"`,
    );
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_staff" RENAME TO "session_staff"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff" ("sessionId", "juryMemberId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cc0e28dbd2449041d7f7a70900"`);
    // Rebuilt without renaming the original: a rename would point other tables' foreign keys
    // at the temporary table (SQLite rewrites references), which is then dropped.
    await queryRunner.query(
      `CREATE TABLE "temporary_session_staff" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "role" varchar(12) NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_3b518edc11f487df92a29cf22e6" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_9efd5a93feea7b5ada263e9e387" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_staff"("id", "sessionId", "juryMemberId", "role", "createdAt") SELECT "id", "sessionId", "juryMemberId", "role", "createdAt" FROM "session_staff"`,
    );
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_staff" RENAME TO "session_staff"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff" ("sessionId", "juryMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(
      `ALTER TABLE "link_declaration" RENAME TO "temporary_link_declaration"`,
    );
    await queryRunner.query(
      `CREATE TABLE "link_declaration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "juryMemberId" varchar NOT NULL, "candidateId" varchar NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT (''), "declaredOn" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_86923cd47bcc7474b74d0d2e852" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e64e18050727fbd13313beff6b9" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e25f1332d8861d693eef87fe61d" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "link_declaration"("id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt") SELECT "id", "sessionId", "juryMemberId", "candidateId", "hasLink", "details", "declaredOn", "createdAt" FROM "temporary_link_declaration"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_link_declaration"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dbac696e8f75e5f9fb66586633" ON "link_declaration" ("sessionId", "juryMemberId", "candidateId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_dba671532f466866bac0f8e8a0"`);
    // Rebuilt without renaming the original: a rename would point other tables' foreign keys
    // at the temporary table (SQLite rewrites references), which is then dropped.
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
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_5cee727da22268909f2789fa8b"`);
    // Rebuilt without renaming the original: a rename would point other tables' foreign keys
    // at the temporary table (SQLite rewrites references), which is then dropped.
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "trainingProviderId" varchar, CONSTRAINT "FK_5cee727da22268909f2789fa8b8" FOREIGN KEY ("trainingProviderId") REFERENCES "training_provider" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5cee727da22268909f2789fa8b" ON "candidate" ("trainingProviderId") `,
    );
  }
}
