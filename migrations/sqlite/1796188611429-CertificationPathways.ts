import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyPathwayApplicabilities,
  revertPathwayApplicabilities,
} from '../pathway-applicabilities.js';

export class CertificationPathways1796188611429 implements MigrationInterface {
  name = 'CertificationPathways1796188611429';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resit_notice" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar NOT NULL, "candidateId" varchar NOT NULL, "step" varchar(12) NOT NULL, "deadline" varchar(10) NOT NULL, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ee6e9315a692be43c2940f5ac" ON "resit_notice" ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4b4c4f06c933eb18071d896825" ON "resit_notice" ("recipientId", "candidateId", "step", "deadline") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e121943386223f143e4dd0b9e9"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_titre" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "version" varchar(30) NOT NULL, "validUntil" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, "prolongationUntil" varchar(10))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_titre"("id", "code", "label", "version", "validUntil", "createdAt") SELECT "id", "code", "label", "version", "validUntil", "createdAt" FROM "titre"`,
    );
    await queryRunner.query(`DROP TABLE "titre"`);
    await queryRunner.query(`ALTER TABLE "temporary_titre" RENAME TO "titre"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e121943386223f143e4dd0b9e9" ON "titre" ("code", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cfffddd2e4ec61a80e9aa04c53"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_agrement" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "reference" varchar(50) NOT NULL DEFAULT (''), "validUntil" varchar(10) NOT NULL, "maxCandidates" integer NOT NULL, "technicalPlatform" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "ccsCode" varchar(30), CONSTRAINT "FK_be5841678fd146a8a8d7e2b88d8" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_89ac672a87e8ed418d88f33c43b" FOREIGN KEY ("siteId") REFERENCES "site" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_99c249033d498280f7410432b37" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_agrement"("id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt") SELECT "id", "centreId", "siteId", "titreId", "reference", "validUntil", "maxCandidates", "technicalPlatform", "createdAt" FROM "agrement"`,
    );
    await queryRunner.query(`DROP TABLE "agrement"`);
    await queryRunner.query(`ALTER TABLE "temporary_agrement" RENAME TO "agrement"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cfffddd2e4ec61a80e9aa04c53" ON "agrement" ("centreId", "siteId", "titreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_157b182d20aec99e94790f5637"`);
    await queryRunner.query(`DROP INDEX "IDX_f855c6951e13f61f586916061c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_exam_session" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "siteId" varchar NOT NULL, "titreId" varchar NOT NULL, "nature" varchar(5) NOT NULL, "ccpCodes" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "startTime" varchar(5) NOT NULL DEFAULT ('09:00'), "location" varchar(300) NOT NULL DEFAULT (''), "managerId" varchar, "deputyManagerId" varchar, "status" varchar(10) NOT NULL DEFAULT ('PLANNED'), "cancelReason" text, "checklistVersion" integer NOT NULL DEFAULT (1), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL, "version" integer NOT NULL, "ceresCreatedOn" varchar(10), CONSTRAINT "FK_076ddf4f557b32f9f100363c88b" FOREIGN KEY ("deputyManagerId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_dd9ad91192ae58de34e19bd64b1" FOREIGN KEY ("managerId") REFERENCES "app_user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_49964d876c810933c9c5bcd8d85" FOREIGN KEY ("titreId") REFERENCES "titre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5a092d3ee9fbad989edc3f6555b" FOREIGN KEY ("siteId") REFERENCES "site" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_66d7a9189125435ad484a200794" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_exam_session"("id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version") SELECT "id", "centreId", "siteId", "titreId", "nature", "ccpCodes", "startDate", "endDate", "startTime", "location", "managerId", "deputyManagerId", "status", "cancelReason", "checklistVersion", "createdAt", "updatedAt", "version" FROM "exam_session"`,
    );
    await queryRunner.query(`DROP TABLE "exam_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_exam_session" RENAME TO "exam_session"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_157b182d20aec99e94790f5637" ON "exam_session" ("startDate", "endDate") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f855c6951e13f61f586916061c" ON "exam_session" ("centreId", "startDate") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await applyPathwayApplicabilities(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM reverts a migration inside its transaction, where SQLite keeps
    // the foreign keys on, so the generated rebuilds (drop and copy each table) would cascade
    // the drop of "exam_session" to its candidates. Columns are dropped in place instead; the
    // pathway column keeps its declared length, which SQLite does not enforce.
    await revertPathwayApplicabilities(queryRunner);
    await queryRunner.query(
      `UPDATE "candidate" SET "pathway" = 'FORMATION' WHERE length("pathway") > 10`,
    );
    for (const column of [
      'vaeOverrideReason',
      'vaeAllowedNatures',
      'vaeNotifiedOn',
      'trainingStartDate',
    ]) {
      await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "exam_session" DROP COLUMN "ceresCreatedOn"`);
    await queryRunner.query(`ALTER TABLE "agrement" DROP COLUMN "ccsCode"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "prolongationUntil"`);
    await queryRunner.query(`DROP INDEX "IDX_4b4c4f06c933eb18071d896825"`);
    await queryRunner.query(`DROP INDEX "IDX_9ee6e9315a692be43c2940f5ac"`);
    await queryRunner.query(`DROP TABLE "resit_notice"`);
  }
}
