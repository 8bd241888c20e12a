import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { TemplateRenderer } from '../common/template-renderer.js';
import { APP_CONFIG, type AppConfig } from './app-config.js';

/** The validated settings and the clock, available everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        TemplateRenderer,
      ],
      exports: [APP_CONFIG, Clock, TemplateRenderer],
    };
  }
}
