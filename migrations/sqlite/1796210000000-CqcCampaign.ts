import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCampaign1796210000000 implements MigrationInterface {
  name = 'CqcCampaign1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand from the entities (new tables only, no rebuild).
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "schoolYear" integer NOT NULL, "label" varchar(200) NOT NULL, "springHolidaysStart" varchar(10) NOT NULL, "springHolidaysEnd" varchar(10) NOT NULL, "version" integer NOT NULL, "createdById" varchar NOT NULL, "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4c0cfc95579d7e48fe8150144c" ON "cqc_campaign" ("centreId", "schoolYear") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_school" ("id" varchar PRIMARY KEY NOT NULL, "campaignId" varchar NOT NULL, "name" varchar(200) NOT NULL, "city" varchar(100), "contactName" varchar(200), "contactRole" varchar(100), "email" varchar(254), "phone" varchar(30), "conventionReference" varchar(100), "conventionDate" varchar(10), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0baaa8af2735a806f84849ece0" ON "cqc_campaign_school" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_class" ("id" varchar PRIMARY KEY NOT NULL, "campaignId" varchar NOT NULL, "schoolId" varchar NOT NULL, "name" varchar(100) NOT NULL, "diploma" varchar(8) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_591a4695493f63b3e4aa4c81c9" ON "cqc_campaign_class" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1e5d2e01d77a26fd60038ecf7f" ON "cqc_campaign_class" ("schoolId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_pupil" ("id" varchar PRIMARY KEY NOT NULL, "campaignId" varchar NOT NULL, "classId" varchar NOT NULL, "lastName" varchar(100) NOT NULL, "firstName" varchar(100) NOT NULL, "birthDate" varchar(10) NOT NULL, "licenceHeld" boolean, "licenceNumber" varchar(15), "licenceDate" varchar(10), "capClmObtained" boolean, "ficheSessionId" varchar, "placementBasis" varchar(30), "moveReason" varchar(30), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0172e8021d568974247ac2997c" ON "cqc_campaign_pupil" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_34513079dab2ed705fd9d471af" ON "cqc_campaign_pupil" ("classId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cbc222058795fd1c2ada6f91b2" ON "cqc_campaign_pupil" ("ficheSessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche_session" ("id" varchar PRIMARY KEY NOT NULL, "campaignId" varchar NOT NULL, "classId" varchar NOT NULL, "kind" varchar(8) NOT NULL, "label" varchar(200) NOT NULL, "capacity" integer NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bccba72276a717194e3fd44d26" ON "cqc_fiche_session" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9adff27e7d3eca5ee96d9fe966" ON "cqc_fiche_session" ("classId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche" ("id" varchar PRIMARY KEY NOT NULL, "ficheSessionId" varchar NOT NULL, "number" integer NOT NULL, "pupilId" varchar, "status" varchar(8) NOT NULL, "edition" integer NOT NULL, "editedOn" varchar(10) NOT NULL, "voidedOn" varchar(10), "voidReason" varchar(500), "replacedBy" integer, "replaces" integer)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_14eec93487b3dde965e3a7fbe7" ON "cqc_fiche" ("ficheSessionId", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche_event" ("id" varchar PRIMARY KEY NOT NULL, "ficheSessionId" varchar NOT NULL, "sequence" integer NOT NULL, "type" varchar(20) NOT NULL, "number" integer NOT NULL, "pupilId" varchar, "on" varchar(10) NOT NULL, "edition" integer NOT NULL, "reason" varchar(500), "relatedNumber" integer, "label" varchar(800) NOT NULL, "createdById" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bfb0dc7cd572edb70b5ce906d7" ON "cqc_fiche_event" ("ficheSessionId", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_handover" ("id" varchar PRIMARY KEY NOT NULL, "campaignId" varchar NOT NULL, "pupilId" varchar NOT NULL, "cardReceivedOn" varchar(10) NOT NULL, "handedOverOn" varchar(10), "signedBy" varchar(200), "errorReportedOn" varchar(10), "errorDescription" varchar(500), "errorReturnPostmarkedOn" varchar(10), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d34540ff18a2fb8b3f21ad300" ON "cqc_handover" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9e857b21fe495fe97c69892bd4" ON "cqc_handover" ("pupilId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_9e857b21fe495fe97c69892bd4"`);
    await queryRunner.query(`DROP INDEX "IDX_2d34540ff18a2fb8b3f21ad300"`);
    await queryRunner.query(`DROP TABLE "cqc_handover"`);
    await queryRunner.query(`DROP INDEX "IDX_bfb0dc7cd572edb70b5ce906d7"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche_event"`);
    await queryRunner.query(`DROP INDEX "IDX_14eec93487b3dde965e3a7fbe7"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche"`);
    await queryRunner.query(`DROP INDEX "IDX_9adff27e7d3eca5ee96d9fe966"`);
    await queryRunner.query(`DROP INDEX "IDX_bccba72276a717194e3fd44d26"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche_session"`);
    await queryRunner.query(`DROP INDEX "IDX_cbc222058795fd1c2ada6f91b2"`);
    await queryRunner.query(`DROP INDEX "IDX_34513079dab2ed705fd9d471af"`);
    await queryRunner.query(`DROP INDEX "IDX_0172e8021d568974247ac2997c"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_pupil"`);
    await queryRunner.query(`DROP INDEX "IDX_1e5d2e01d77a26fd60038ecf7f"`);
    await queryRunner.query(`DROP INDEX "IDX_591a4695493f63b3e4aa4c81c9"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_class"`);
    await queryRunner.query(`DROP INDEX "IDX_0baaa8af2735a806f84849ece0"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_school"`);
    await queryRunner.query(`DROP INDEX "IDX_4c0cfc95579d7e48fe8150144c"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign"`);
  }
}
