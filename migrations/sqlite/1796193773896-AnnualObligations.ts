import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualObligations1796193773896 implements MigrationInterface {
  name = 'AnnualObligations1796193773896';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "annual_programme" ("id" varchar PRIMARY KEY NOT NULL, "centreId" varchar NOT NULL, "year" integer NOT NULL, "sentOn" varchar(10) NOT NULL, "sentById" varchar, "observations" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_875ee1135d58fd1910ee348e4d" ON "annual_programme" ("centreId", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation_notice" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar NOT NULL, "centreId" varchar NOT NULL, "obligationKey" varchar(120) NOT NULL, "step" varchar(12) NOT NULL, "dueDate" varchar(10) NOT NULL, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33a20e81be30d1061e29c8a2aa" ON "obligation_notice" ("centreId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_da446a8ef0d15f996c4df561cd" ON "obligation_notice" ("recipientId", "centreId", "obligationKey", "step", "dueDate") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_da446a8ef0d15f996c4df561cd"`);
    await queryRunner.query(`DROP INDEX "IDX_33a20e81be30d1061e29c8a2aa"`);
    await queryRunner.query(`DROP TABLE "obligation_notice"`);
    await queryRunner.query(`DROP INDEX "IDX_875ee1135d58fd1910ee348e4d"`);
    await queryRunner.query(`DROP TABLE "annual_programme"`);
  }
}
