import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualObligations1796193773896 implements MigrationInterface {
  name = 'AnnualObligations1796193773896';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "annual_programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "year" integer NOT NULL, "sentOn" character varying(10) NOT NULL, "sentById" uuid, "observations" text NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_ee657dd40867570a392e2caf99c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_875ee1135d58fd1910ee348e4d" ON "annual_programme"  ("centreId", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "centreId" uuid NOT NULL, "obligationKey" character varying(120) NOT NULL, "step" character varying(12) NOT NULL, "dueDate" character varying(10) NOT NULL, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_e81891754802e3c1db4f7a2f7b3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33a20e81be30d1061e29c8a2aa" ON "obligation_notice"  ("centreId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_da446a8ef0d15f996c4df561cd" ON "obligation_notice"  ("recipientId", "centreId", "obligationKey", "step", "dueDate") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_da446a8ef0d15f996c4df561cd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33a20e81be30d1061e29c8a2aa"`);
    await queryRunner.query(`DROP TABLE "obligation_notice"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_875ee1135d58fd1910ee348e4d"`);
    await queryRunner.query(`DROP TABLE "annual_programme"`);
  }
}
