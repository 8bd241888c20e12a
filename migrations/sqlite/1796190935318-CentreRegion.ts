import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CentreRegion1796190935318 implements MigrationInterface {
  name = 'CentreRegion1796190935318';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_centre" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(20), "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL, "region" varchar(20) NOT NULL DEFAULT ('METROPOLE'))`);
    await queryRunner.query(`INSERT INTO "temporary_centre"("id", "name", "siret", "address", "postalCode", "city", "createdAt") SELECT "id", "name", "siret", "address", "postalCode", "city", "createdAt" FROM "centre"`);
    await queryRunner.query(`DROP TABLE "centre"`);
    await queryRunner.query(`ALTER TABLE "temporary_centre" RENAME TO "centre"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "centre" RENAME TO "temporary_centre"`);
    await queryRunner.query(`CREATE TABLE "centre" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "siret" varchar(20), "address" varchar(300) NOT NULL DEFAULT (''), "postalCode" varchar(10) NOT NULL DEFAULT (''), "city" varchar(100) NOT NULL DEFAULT (''), "createdAt" varchar(24) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "centre"("id", "name", "siret", "address", "postalCode", "city", "createdAt") SELECT "id", "name", "siret", "address", "postalCode", "city", "createdAt" FROM "temporary_centre"`);
    await queryRunner.query(`DROP TABLE "temporary_centre"`);
  }
}
