import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConstraintErrors } from './constraint-errors.js';
import { Database } from './database.js';

/** Provides the one database gate; nothing else in the application holds a connection. */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Database.open(config.database, { migrate: true }),
    },
    {
      provide: ConstraintErrors,
      inject: [Database],
      useFactory: (database: Database) => database.constraintErrors(),
    },
  ],
  exports: [Database, ConstraintErrors],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
