import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillPeople } from '../person-backfill.js';

export class PersonRecords1796181189852 implements MigrationInterface {
  name = 'PersonRecords1796181189852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "lastName" character varying(100) NOT NULL, "firstName" character varying(100) NOT NULL, "birthDate" character varying(10), "email" character varying(254), "phone" character varying(30), "address" character varying(500) NOT NULL DEFAULT '', "drivingLicenceNumber" character varying(30), "matchKey" character varying(600) NOT NULL, "createdAt" character varying(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fabf5388732231bd6a3a1b12be" ON "person"  ("centreId", "matchKey") `,
    );
    // Data step: a person for each existing candidate (merged when identical), then NOT NULL.
    await queryRunner.query(`ALTER TABLE "candidate" ADD "personId" uuid`);
    await backfillPeople(queryRunner, 'postgres');
    await queryRunner.query(`ALTER TABLE "candidate" ALTER COLUMN "personId" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7109ff374cb3ca47ab66c1cb4a" ON "candidate"  ("personId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "FK_3855350fedaa46826fb0d1c170f" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "candidate" DROP CONSTRAINT "FK_7109ff374cb3ca47ab66c1cb4a3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" DROP CONSTRAINT "FK_3855350fedaa46826fb0d1c170f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_7109ff374cb3ca47ab66c1cb4a"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "personId"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fabf5388732231bd6a3a1b12be"`);
    await queryRunner.query(`DROP TABLE "person"`);
  }
}
