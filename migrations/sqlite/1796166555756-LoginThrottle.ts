import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1796166555756 implements MigrationInterface {
  name = 'LoginThrottle1796166555756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" varchar(64) PRIMARY KEY NOT NULL, "kind" varchar(10) NOT NULL, "failures" integer NOT NULL DEFAULT (0), "expiresAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9f13861406333843c83552ec0f" ON "login_throttle" ("expiresAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_9f13861406333843c83552ec0f"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
