import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { typeOrmOptions } from './typeorm-options.js';
import { TransactionRunner } from './transaction-runner.js';
import { DatabaseHealth } from './database-health.js';
import { ConstraintErrors } from './constraint-errors.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...typeOrmOptions(config.database),
        migrationsRun: true,
      }),
    }),
  ],
  providers: [
    TransactionRunner,
    DatabaseHealth,
    {
      provide: ConstraintErrors,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => ConstraintErrors.fromDataSource(dataSource),
    },
  ],
  exports: [TransactionRunner, DatabaseHealth, ConstraintErrors],
})
export class DatabaseModule {}
