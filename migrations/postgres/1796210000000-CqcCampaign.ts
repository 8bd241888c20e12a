import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCampaign1796210000000 implements MigrationInterface {
  name = 'CqcCampaign1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand from the entities (new tables only, no rebuild).
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "schoolYear" integer NOT NULL, "label" character varying(200) NOT NULL, "springHolidaysStart" character varying(10) NOT NULL, "springHolidaysEnd" character varying(10) NOT NULL, "version" integer NOT NULL, "createdById" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "PK_2ac28c6ce164f3b724fe21bd0fa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4c0cfc95579d7e48fe8150144c" ON "cqc_campaign"  ("centreId", "schoolYear") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "name" character varying(200) NOT NULL, "city" character varying(100), "contactName" character varying(200), "contactRole" character varying(100), "email" character varying(254), "phone" character varying(30), "conventionReference" character varying(100), "conventionDate" character varying(10), "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "PK_589a5ef6b28ca355deef2674b1f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0baaa8af2735a806f84849ece0" ON "cqc_campaign_school"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_class" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "schoolId" uuid NOT NULL, "name" character varying(100) NOT NULL, "diploma" character varying(8) NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_97bab585a288c876e5ce8cf5e5d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_591a4695493f63b3e4aa4c81c9" ON "cqc_campaign_class"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1e5d2e01d77a26fd60038ecf7f" ON "cqc_campaign_class"  ("schoolId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_pupil" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "classId" uuid NOT NULL, "lastName" character varying(100) NOT NULL, "firstName" character varying(100) NOT NULL, "birthDate" character varying(10) NOT NULL, "licenceHeld" boolean, "licenceNumber" character varying(15), "licenceDate" character varying(10), "capClmObtained" boolean, "ficheSessionId" uuid, "placementBasis" character varying(30), "moveReason" character varying(30), "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "PK_d1ee177e3757542e35200b5a4e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0172e8021d568974247ac2997c" ON "cqc_campaign_pupil"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_34513079dab2ed705fd9d471af" ON "cqc_campaign_pupil"  ("classId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cbc222058795fd1c2ada6f91b2" ON "cqc_campaign_pupil"  ("ficheSessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "classId" uuid NOT NULL, "kind" character varying(8) NOT NULL, "label" character varying(200) NOT NULL, "capacity" integer NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_0223a38cb0d2d50aa998ad1d447" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bccba72276a717194e3fd44d26" ON "cqc_fiche_session"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9adff27e7d3eca5ee96d9fe966" ON "cqc_fiche_session"  ("classId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ficheSessionId" uuid NOT NULL, "number" integer NOT NULL, "pupilId" uuid, "status" character varying(8) NOT NULL, "edition" integer NOT NULL, "editedOn" character varying(10) NOT NULL, "voidedOn" character varying(10), "voidReason" character varying(500), "replacedBy" integer, "replaces" integer, CONSTRAINT "PK_5e7256abed93688579a070390aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_14eec93487b3dde965e3a7fbe7" ON "cqc_fiche"  ("ficheSessionId", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_fiche_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ficheSessionId" uuid NOT NULL, "sequence" integer NOT NULL, "type" character varying(20) NOT NULL, "number" integer NOT NULL, "pupilId" uuid, "on" character varying(10) NOT NULL, "edition" integer NOT NULL, "reason" character varying(500), "relatedNumber" integer, "label" character varying(800) NOT NULL, "createdById" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_bd6d49fa05742ef2aaa85d8603e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bfb0dc7cd572edb70b5ce906d7" ON "cqc_fiche_event"  ("ficheSessionId", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_handover" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaignId" uuid NOT NULL, "pupilId" uuid NOT NULL, "cardReceivedOn" character varying(10) NOT NULL, "handedOverOn" character varying(10), "signedBy" character varying(200), "errorReportedOn" character varying(10), "errorDescription" character varying(500), "errorReturnPostmarkedOn" character varying(10), "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "PK_d664bcf5e991a997a25bb7840e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d34540ff18a2fb8b3f21ad300" ON "cqc_handover"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9e857b21fe495fe97c69892bd4" ON "cqc_handover"  ("pupilId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9e857b21fe495fe97c69892bd4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d34540ff18a2fb8b3f21ad300"`);
    await queryRunner.query(`DROP TABLE "cqc_handover"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfb0dc7cd572edb70b5ce906d7"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14eec93487b3dde965e3a7fbe7"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9adff27e7d3eca5ee96d9fe966"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bccba72276a717194e3fd44d26"`);
    await queryRunner.query(`DROP TABLE "cqc_fiche_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cbc222058795fd1c2ada6f91b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34513079dab2ed705fd9d471af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0172e8021d568974247ac2997c"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_pupil"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1e5d2e01d77a26fd60038ecf7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_591a4695493f63b3e4aa4c81c9"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_class"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0baaa8af2735a806f84849ece0"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_school"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c0cfc95579d7e48fe8150144c"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign"`);
  }
}
