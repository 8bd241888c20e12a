import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1796166555756 implements MigrationInterface {
  name = 'LoginThrottle1796166555756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(64) NOT NULL, "kind" character varying(10) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "expiresAt" character varying(24) NOT NULL, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9f13861406333843c83552ec0f" ON "login_throttle"  ("expiresAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9f13861406333843c83552ec0f"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
