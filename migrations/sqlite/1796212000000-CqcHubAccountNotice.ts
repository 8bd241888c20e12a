import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcHubAccountNotice1796212000000 implements MigrationInterface {
  name = 'CqcHubAccountNotice1796212000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_hub_account_notice" ("id" varchar PRIMARY KEY NOT NULL, "candidateId" varchar NOT NULL, "sessionId" varchar NOT NULL, "trigger" varchar(8) NOT NULL, "createdById" varchar, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_731e305ded7011adad22ea0728" ON "cqc_hub_account_notice" ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_af789c7b239fe04cfcf55ae1a1" ON "cqc_hub_account_notice" ("sessionId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_af789c7b239fe04cfcf55ae1a1"`);
    await queryRunner.query(`DROP INDEX "IDX_731e305ded7011adad22ea0728"`);
    await queryRunner.query(`DROP TABLE "cqc_hub_account_notice"`);
  }
}
