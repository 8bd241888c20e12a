import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionIncidents1795430799887 implements MigrationInterface {
  name = 'SessionIncidents1795430799887';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_incident" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "kind" varchar(10) NOT NULL, "candidateId" varchar, "occurredOn" varchar(10) NOT NULL, "description" text NOT NULL, "measures" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "createdBy" varchar NOT NULL, "createdByEmail" varchar(254) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f41a2fc86801f515312ac7539" ON "session_incident" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_1f41a2fc86801f515312ac7539"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_incident" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "kind" varchar(10) NOT NULL, "candidateId" varchar, "occurredOn" varchar(10) NOT NULL, "description" text NOT NULL, "measures" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "createdBy" varchar NOT NULL, "createdByEmail" varchar(254) NOT NULL, CONSTRAINT "FK_1f41a2fc86801f515312ac75395" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_720b6acd3fc6ddfda50d2e44775" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_incident"("id", "sessionId", "kind", "candidateId", "occurredOn", "description", "measures", "createdAt", "createdBy", "createdByEmail") SELECT "id", "sessionId", "kind", "candidateId", "occurredOn", "description", "measures", "createdAt", "createdBy", "createdByEmail" FROM "session_incident"`,
    );
    await queryRunner.query(`DROP TABLE "session_incident"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_session_incident" RENAME TO "session_incident"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f41a2fc86801f515312ac7539" ON "session_incident" ("sessionId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1f41a2fc86801f515312ac7539"`);
    await queryRunner.query(
      `ALTER TABLE "session_incident" RENAME TO "temporary_session_incident"`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_incident" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "kind" varchar(10) NOT NULL, "candidateId" varchar, "occurredOn" varchar(10) NOT NULL, "description" text NOT NULL, "measures" text NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "createdBy" varchar NOT NULL, "createdByEmail" varchar(254) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "session_incident"("id", "sessionId", "kind", "candidateId", "occurredOn", "description", "measures", "createdAt", "createdBy", "createdByEmail") SELECT "id", "sessionId", "kind", "candidateId", "occurredOn", "description", "measures", "createdAt", "createdBy", "createdByEmail" FROM "temporary_session_incident"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_incident"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_1f41a2fc86801f515312ac7539" ON "session_incident" ("sessionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_1f41a2fc86801f515312ac7539"`);
    await queryRunner.query(`DROP TABLE "session_incident"`);
  }
}
