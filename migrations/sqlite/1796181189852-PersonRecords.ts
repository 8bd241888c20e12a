import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillPeople } from '../person-backfill.js';

export class PersonRecords1796181189852 implements MigrationInterface {
  name = 'PersonRecords1796181189852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "person" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "drivingLicenceNumber" varchar(30), "matchKey" varchar(600) NOT NULL, "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fabf5388732231bd6a3a1b12be" ON "person" ("centreId", "matchKey") `,
    );
    // Data step: a person for each existing candidate (merged when identical), before the
    // candidate table is rebuilt with its NOT NULL "personId".
    await queryRunner.query(`ALTER TABLE "candidate" ADD COLUMN "personId" varchar`);
    await backfillPeople(queryRunner, 'sqlite');
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_fabf5388732231bd6a3a1b12be"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "drivingLicenceNumber" varchar(30), "matchKey" varchar(600) NOT NULL, "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_3855350fedaa46826fb0d1c170f" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person"("id", "centreId", "lastName", "firstName", "birthDate", "email", "phone", "address", "drivingLicenceNumber", "matchKey", "createdAt", "version") SELECT "id", "centreId", "lastName", "firstName", "birthDate", "email", "phone", "address", "drivingLicenceNumber", "matchKey", "createdAt", "version" FROM "person"`,
    );
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fabf5388732231bd6a3a1b12be" ON "person" ("centreId", "matchKey") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId" FROM "candidate"`,
    );
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`ALTER TABLE "temporary_candidate" RENAME TO "candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`ALTER TABLE "candidate" RENAME TO "temporary_candidate"`);
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId" FROM "temporary_candidate"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_fabf5388732231bd6a3a1b12be"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "drivingLicenceNumber" varchar(30), "matchKey" varchar(600) NOT NULL, "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "person"("id", "centreId", "lastName", "firstName", "birthDate", "email", "phone", "address", "drivingLicenceNumber", "matchKey", "createdAt", "version") SELECT "id", "centreId", "lastName", "firstName", "birthDate", "email", "phone", "address", "drivingLicenceNumber", "matchKey", "createdAt", "version" FROM "temporary_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fabf5388732231bd6a3a1b12be" ON "person" ("centreId", "matchKey") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`ALTER TABLE "candidate" RENAME TO "temporary_candidate"`);
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(10) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version" FROM "temporary_candidate"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_fabf5388732231bd6a3a1b12be"`);
    await queryRunner.query(`DROP TABLE "person"`);
  }
}
