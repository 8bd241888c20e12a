import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCampaignReminders1796210000001 implements MigrationInterface {
  name = 'CqcCampaignReminders1796210000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand from the entity (a new table only).
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "campaignId" uuid NOT NULL, "stepCode" character varying(30) NOT NULL, "on" character varying(10) NOT NULL, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_8ac242fb8bea5b973af0cfc1c0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ed1421a46f98e810e8b06989f" ON "cqc_campaign_notice"  ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_746062aca6169c59a60238bfb3" ON "cqc_campaign_notice"  ("recipientId", "campaignId", "stepCode", "on") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_746062aca6169c59a60238bfb3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ed1421a46f98e810e8b06989f"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_notice"`);
  }
}
