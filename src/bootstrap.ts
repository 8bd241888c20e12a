import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { Clock } from './common/clock.js';
import { bodyParsing } from './common/http/body-parsing.js';
import { fairAdmission } from './common/http/fair-admission.js';
import { JsonLogger } from './common/http/json-logger.js';
import { requestLogging } from './common/http/request-logging.js';
import { securityHeaders, staticAssets } from './web/http-hardening.js';

export interface CreateAppOptions {
  clock?: Clock;
  logger?: JsonLogger;
}

/** Builds the whole application (the same for `npm start`, the tests and the benchmarks). */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const logger = options.logger ?? new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.clock),
    {
      logger,
      bodyParser: false,
    },
  );
  // `X-Forwarded-*` only from the proxies of TRUST_PROXY: otherwise any client could choose the
  // address the login limit counts it under (req.ip) or claim HTTPS (req.secure).
  app.set('trust proxy', config.trustProxy.length > 0 ? config.trustProxy : false);
  app.disable('x-powered-by');
  // Pages are `no-store` and the API's answers are never revalidated: hashing every body for an
  // ETag only costs time.
  app.set('etag', false);
  app.use(fairAdmission());
  app.use(requestLogging(logger));
  app.use(securityHeaders(config.appUrl));
  app.use(staticAssets());
  app.use(bodyParsing());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('API Jalon')
    .setDescription(
      'Préparation et suivi des sessions d’examen du Titre Professionnel. Dates au format AAAA-MM-JJ. ' +
        'Authentification : POST /api/auth/token puis « Authorization: Bearer <jeton> ».',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  await app.init();
  return app;
}
