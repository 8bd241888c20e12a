import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCampaignReminders1796210000001 implements MigrationInterface {
  name = 'CqcCampaignReminders1796210000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand from the entity (a new table only).
    await queryRunner.query(
      `CREATE TABLE "cqc_campaign_notice" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar NOT NULL, "campaignId" varchar NOT NULL, "stepCode" varchar(30) NOT NULL, "on" varchar(10) NOT NULL, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ed1421a46f98e810e8b06989f" ON "cqc_campaign_notice" ("campaignId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_746062aca6169c59a60238bfb3" ON "cqc_campaign_notice" ("recipientId", "campaignId", "stepCode", "on") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_746062aca6169c59a60238bfb3"`);
    await queryRunner.query(`DROP INDEX "IDX_0ed1421a46f98e810e8b06989f"`);
    await queryRunner.query(`DROP TABLE "cqc_campaign_notice"`);
  }
}
