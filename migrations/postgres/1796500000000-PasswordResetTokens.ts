import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResetTokens1796500000000 implements MigrationInterface {
  name = 'PasswordResetTokens1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" character varying(24) NOT NULL, "expiresAt" character varying(24) NOT NULL, "usedAt" character varying(24), CONSTRAINT "PK_838af121380dfe3a6330e04f5bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a4e53583f7a8ab7d01cded46a4" ON "password_reset_token"  ("userId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_324e592c57094c9dcfa00ddf91" ON "password_reset_token"  ("tokenHash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_324e592c57094c9dcfa00ddf91"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4e53583f7a8ab7d01cded46a4"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
  }
}
