import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConvocationProofsAndTitreTests1796192000000 implements MigrationInterface {
  name = 'ConvocationProofsAndTitreTests1796192000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e121943386223f143e4dd0b9e9"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_titre" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "version" varchar(30) NOT NULL, "validUntil" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, "prolongationUntil" varchar(10), "examTests" text NOT NULL DEFAULT ('[]'), "convocationDocuments" text NOT NULL DEFAULT ('[]'))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_titre"("id", "code", "label", "version", "validUntil", "createdAt", "prolongationUntil") SELECT "id", "code", "label", "version", "validUntil", "createdAt", "prolongationUntil" FROM "titre"`,
    );
    await queryRunner.query(`DROP TABLE "titre"`);
    await queryRunner.query(`ALTER TABLE "temporary_titre" RENAME TO "titre"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e121943386223f143e4dd0b9e9" ON "titre" ("code", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "convocationProofKind" varchar(30), "convocationProofOn" varchar(10), CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason" FROM "candidate"`,
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
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason" FROM "temporary_candidate"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e121943386223f143e4dd0b9e9"`);
    await queryRunner.query(`ALTER TABLE "titre" RENAME TO "temporary_titre"`);
    await queryRunner.query(
      `CREATE TABLE "titre" ("id" varchar PRIMARY KEY NOT NULL, "code" varchar(30) NOT NULL, "label" varchar(300) NOT NULL, "version" varchar(30) NOT NULL, "validUntil" varchar(10) NOT NULL, "createdAt" varchar(24) NOT NULL, "prolongationUntil" varchar(10))`,
    );
    await queryRunner.query(
      `INSERT INTO "titre"("id", "code", "label", "version", "validUntil", "createdAt", "prolongationUntil") SELECT "id", "code", "label", "version", "validUntil", "createdAt", "prolongationUntil" FROM "temporary_titre"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_titre"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e121943386223f143e4dd0b9e9" ON "titre" ("code", "version") `,
    );
  }
}
