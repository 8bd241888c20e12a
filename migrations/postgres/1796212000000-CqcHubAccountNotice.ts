import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcHubAccountNotice1796212000000 implements MigrationInterface {
  name = 'CqcHubAccountNotice1796212000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_hub_account_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidateId" uuid NOT NULL, "sessionId" uuid NOT NULL, "trigger" character varying(8) NOT NULL, "createdById" uuid, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_a1491799312a32d63efe2d55d3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_731e305ded7011adad22ea0728" ON "cqc_hub_account_notice"  ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_af789c7b239fe04cfcf55ae1a1" ON "cqc_hub_account_notice"  ("sessionId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_af789c7b239fe04cfcf55ae1a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_731e305ded7011adad22ea0728"`);
    await queryRunner.query(`DROP TABLE "cqc_hub_account_notice"`);
  }
}
