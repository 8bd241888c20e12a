import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionIncidents1795430799887 implements MigrationInterface {
  name = 'SessionIncidents1795430799887';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_incident" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "kind" character varying(10) NOT NULL, "candidateId" uuid, "occurredOn" character varying(10) NOT NULL, "description" text NOT NULL, "measures" text NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, "createdBy" uuid NOT NULL, "createdByEmail" character varying(254) NOT NULL, CONSTRAINT "PK_87a6d062522d517e521af067c0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f41a2fc86801f515312ac7539" ON "session_incident"  ("sessionId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "session_incident" ADD CONSTRAINT "FK_1f41a2fc86801f515312ac75395" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_incident" ADD CONSTRAINT "FK_720b6acd3fc6ddfda50d2e44775" FOREIGN KEY ("candidateId") REFERENCES "candidate"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_incident" DROP CONSTRAINT "FK_720b6acd3fc6ddfda50d2e44775"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_incident" DROP CONSTRAINT "FK_1f41a2fc86801f515312ac75395"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_1f41a2fc86801f515312ac7539"`);
    await queryRunner.query(`DROP TABLE "session_incident"`);
  }
}
