import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { Database } from '../database/database.js';

@ApiTags('santé')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly database: Database) {}

  @Get()
  async check(): Promise<{ status: 'ok'; database: string }> {
    try {
      const db = await this.database.health();
      if (db.pendingMigrations) throw new Error('migrations en attente');
      return { status: 'ok', database: db.type };
    } catch {
      throw new ServiceUnavailableException('Base de données indisponible.');
    }
  }
}
