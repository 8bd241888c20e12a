import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingProviders1796191706646 implements MigrationInterface {
  name = 'TrainingProviders1796191706646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "training_provider" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(14), "address" varchar(500) NOT NULL DEFAULT (''), "contact" varchar(500) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68" ON "training_provider" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "provider_convention" ("id" varchar PRIMARY KEY NOT NULL, "providerId" varchar NOT NULL, "centreId" varchar NOT NULL, "signedOn" varchar(10) NOT NULL, "effectiveFrom" varchar(10) NOT NULL, "sentToPrefectOn" varchar(10), "titreIds" text NOT NULL DEFAULT ('[]'), "certifications" varchar(500) NOT NULL DEFAULT (''), "registrationTerms" text NOT NULL DEFAULT (''), "forecastCurrentYear" integer NOT NULL, "forecastNextYear" integer NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1a532f04f5417ac00be8e2c8e" ON "provider_convention" ("providerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_62c8258a084149b3edfe6e3b2f" ON "provider_convention" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "convention_avenant" ("id" varchar PRIMARY KEY NOT NULL, "conventionId" varchar NOT NULL, "year" integer NOT NULL, "forecastCount" integer NOT NULL, "sentToPrefectOn" varchar(10), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6453f20295a4889923b876b3f8" ON "convention_avenant" ("conventionId", "year") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "trainingProviderId" varchar, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
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
    await queryRunner.query(
      `CREATE INDEX "IDX_5cee727da22268909f2789fa8b" ON "candidate" ("trainingProviderId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_training_provider" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(14), "address" varchar(500) NOT NULL DEFAULT (''), "contact" varchar(500) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_58cd55cfcf5c1e6e2efd55fa688" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_training_provider"("id", "centreId", "name", "siret", "address", "contact", "createdAt") SELECT "id", "centreId", "name", "siret", "address", "contact", "createdAt" FROM "training_provider"`,
    );
    await queryRunner.query(`DROP TABLE "training_provider"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_training_provider" RENAME TO "training_provider"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68" ON "training_provider" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_5cee727da22268909f2789fa8b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "trainingProviderId" varchar, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5cee727da22268909f2789fa8b8" FOREIGN KEY ("trainingProviderId") REFERENCES "training_provider" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
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
    await queryRunner.query(`DROP INDEX "IDX_c1a532f04f5417ac00be8e2c8e"`);
    await queryRunner.query(`DROP INDEX "IDX_62c8258a084149b3edfe6e3b2f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_provider_convention" ("id" varchar PRIMARY KEY NOT NULL, "providerId" varchar NOT NULL, "centreId" varchar NOT NULL, "signedOn" varchar(10) NOT NULL, "effectiveFrom" varchar(10) NOT NULL, "sentToPrefectOn" varchar(10), "titreIds" text NOT NULL DEFAULT ('[]'), "certifications" varchar(500) NOT NULL DEFAULT (''), "registrationTerms" text NOT NULL DEFAULT (''), "forecastCurrentYear" integer NOT NULL, "forecastNextYear" integer NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_c1a532f04f5417ac00be8e2c8e3" FOREIGN KEY ("providerId") REFERENCES "training_provider" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_provider_convention"("id", "providerId", "centreId", "signedOn", "effectiveFrom", "sentToPrefectOn", "titreIds", "certifications", "registrationTerms", "forecastCurrentYear", "forecastNextYear", "createdAt") SELECT "id", "providerId", "centreId", "signedOn", "effectiveFrom", "sentToPrefectOn", "titreIds", "certifications", "registrationTerms", "forecastCurrentYear", "forecastNextYear", "createdAt" FROM "provider_convention"`,
    );
    await queryRunner.query(`DROP TABLE "provider_convention"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_provider_convention" RENAME TO "provider_convention"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1a532f04f5417ac00be8e2c8e" ON "provider_convention" ("providerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_62c8258a084149b3edfe6e3b2f" ON "provider_convention" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_6453f20295a4889923b876b3f8"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_convention_avenant" ("id" varchar PRIMARY KEY NOT NULL, "conventionId" varchar NOT NULL, "year" integer NOT NULL, "forecastCount" integer NOT NULL, "sentToPrefectOn" varchar(10), "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_28d2e3dbd06a10a226665e40d30" FOREIGN KEY ("conventionId") REFERENCES "provider_convention" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_convention_avenant"("id", "conventionId", "year", "forecastCount", "sentToPrefectOn", "createdAt") SELECT "id", "conventionId", "year", "forecastCount", "sentToPrefectOn", "createdAt" FROM "convention_avenant"`,
    );
    await queryRunner.query(`DROP TABLE "convention_avenant"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_convention_avenant" RENAME TO "convention_avenant"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6453f20295a4889923b876b3f8" ON "convention_avenant" ("conventionId", "year") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_6453f20295a4889923b876b3f8"`);
    await queryRunner.query(
      `ALTER TABLE "convention_avenant" RENAME TO "temporary_convention_avenant"`,
    );
    await queryRunner.query(
      `CREATE TABLE "convention_avenant" ("id" varchar PRIMARY KEY NOT NULL, "conventionId" varchar NOT NULL, "year" integer NOT NULL, "forecastCount" integer NOT NULL, "sentToPrefectOn" varchar(10), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "convention_avenant"("id", "conventionId", "year", "forecastCount", "sentToPrefectOn", "createdAt") SELECT "id", "conventionId", "year", "forecastCount", "sentToPrefectOn", "createdAt" FROM "temporary_convention_avenant"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_convention_avenant"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6453f20295a4889923b876b3f8" ON "convention_avenant" ("conventionId", "year") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_62c8258a084149b3edfe6e3b2f"`);
    await queryRunner.query(`DROP INDEX "IDX_c1a532f04f5417ac00be8e2c8e"`);
    await queryRunner.query(
      `ALTER TABLE "provider_convention" RENAME TO "temporary_provider_convention"`,
    );
    await queryRunner.query(
      `CREATE TABLE "provider_convention" ("id" varchar PRIMARY KEY NOT NULL, "providerId" varchar NOT NULL, "centreId" varchar NOT NULL, "signedOn" varchar(10) NOT NULL, "effectiveFrom" varchar(10) NOT NULL, "sentToPrefectOn" varchar(10), "titreIds" text NOT NULL DEFAULT ('[]'), "certifications" varchar(500) NOT NULL DEFAULT (''), "registrationTerms" text NOT NULL DEFAULT (''), "forecastCurrentYear" integer NOT NULL, "forecastNextYear" integer NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "provider_convention"("id", "providerId", "centreId", "signedOn", "effectiveFrom", "sentToPrefectOn", "titreIds", "certifications", "registrationTerms", "forecastCurrentYear", "forecastNextYear", "createdAt") SELECT "id", "providerId", "centreId", "signedOn", "effectiveFrom", "sentToPrefectOn", "titreIds", "certifications", "registrationTerms", "forecastCurrentYear", "forecastNextYear", "createdAt" FROM "temporary_provider_convention"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_provider_convention"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_62c8258a084149b3edfe6e3b2f" ON "provider_convention" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1a532f04f5417ac00be8e2c8e" ON "provider_convention" ("providerId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_5cee727da22268909f2789fa8b"`);
    await queryRunner.query(`DROP INDEX "IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`DROP INDEX "IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`ALTER TABLE "candidate" RENAME TO "temporary_candidate"`);
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10), "email" varchar(254), "phone" varchar(30), "address" varchar(500) NOT NULL DEFAULT (''), "pathway" varchar(20) NOT NULL DEFAULT ('FORMATION'), "vaeValidUntil" varchar(10), "accommodationRequested" boolean NOT NULL DEFAULT (0), "accommodationDetails" text NOT NULL DEFAULT (''), "convocationDate" varchar(10), "convocationMode" varchar(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT (0), "ecfSignedByTrainer" boolean NOT NULL DEFAULT (0), "ecfSignedByCandidate" boolean NOT NULL DEFAULT (0), "dpSigned" boolean NOT NULL DEFAULT (0), "certificationBooklet" boolean NOT NULL DEFAULT (0), "recevabiliteCollected" boolean NOT NULL DEFAULT (0), "otherDocuments" text NOT NULL DEFAULT (''), "attendance" varchar(15), "results" text NOT NULL, "purgedAt" varchar(24), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL, "personId" varchar NOT NULL, "trainingStartDate" varchar(10), "vaeNotifiedOn" varchar(10), "vaeAllowedNatures" text NOT NULL DEFAULT ('[]'), "vaeOverrideReason" varchar(500) NOT NULL DEFAULT (''), "trainingProviderId" varchar, CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "candidate"("id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId") SELECT "id", "sessionId", "lastName", "firstName", "birthDate", "email", "phone", "address", "pathway", "vaeValidUntil", "accommodationRequested", "accommodationDetails", "convocationDate", "convocationMode", "ecfSignedByTrainingManager", "ecfSignedByTrainer", "ecfSignedByCandidate", "dpSigned", "certificationBooklet", "recevabiliteCollected", "otherDocuments", "attendance", "results", "purgedAt", "createdAt", "version", "personId", "trainingStartDate", "vaeNotifiedOn", "vaeAllowedNatures", "vaeOverrideReason", "trainingProviderId" FROM "temporary_candidate"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_candidate"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_5cee727da22268909f2789fa8b" ON "candidate" ("trainingProviderId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68"`);
    await queryRunner.query(
      `ALTER TABLE "training_provider" RENAME TO "temporary_training_provider"`,
    );
    await queryRunner.query(
      `CREATE TABLE "training_provider" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(14), "address" varchar(500) NOT NULL DEFAULT (''), "contact" varchar(500) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "training_provider"("id", "centreId", "name", "siret", "address", "contact", "createdAt") SELECT "id", "centreId", "name", "siret", "address", "contact", "createdAt" FROM "temporary_training_provider"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_training_provider"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68" ON "training_provider" ("centreId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_5cee727da22268909f2789fa8b"`);
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
    await queryRunner.query(`DROP INDEX "IDX_6453f20295a4889923b876b3f8"`);
    await queryRunner.query(`DROP TABLE "convention_avenant"`);
    await queryRunner.query(`DROP INDEX "IDX_62c8258a084149b3edfe6e3b2f"`);
    await queryRunner.query(`DROP INDEX "IDX_c1a532f04f5417ac00be8e2c8e"`);
    await queryRunner.query(`DROP TABLE "provider_convention"`);
    await queryRunner.query(`DROP INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68"`);
    await queryRunner.query(`DROP TABLE "training_provider"`);
  }
}
