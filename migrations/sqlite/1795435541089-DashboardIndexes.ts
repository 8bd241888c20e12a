import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardIndexes1795435541089 implements MigrationInterface {
  name = 'DashboardIndexes1795435541089';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_157b182d20aec99e94790f5637" ON "exam_session" ("startDate", "endDate") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a53502fdea5d7f871d5db3cd60" ON "session_task" ("status", "dueDate", "applicability", "sessionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8cd6bee37bace15b4fdb9c45e7" ON "session_task" ("sessionId", "status", "applicability", "regulatory", "dueDate") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8cd6bee37bace15b4fdb9c45e7"`);
    await queryRunner.query(`DROP INDEX "IDX_a53502fdea5d7f871d5db3cd60"`);
    await queryRunner.query(`DROP INDEX "IDX_157b182d20aec99e94790f5637"`);
  }
}
