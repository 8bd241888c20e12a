import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<{ ok: boolean; type: string; pendingMigrations: boolean }> {
    await this.dataSource.query('SELECT 1');
    return {
      ok: true,
      type: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
      pendingMigrations: await this.dataSource.showMigrations(),
    };
  }
}
