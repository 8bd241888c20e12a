import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { parseArgs, requireOption } from './cli/cli-args.js';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { JsonLogger } from './common/http/json-logger.js';
import { Database } from './database/database.js';
import { DemoLoader } from './demo/demo-loader.js';
import { passReportText } from './reminders/pass-report-text.js';
import { ReminderPassService } from './reminders/reminder-pass.service.js';
import { retentionReportText } from './retention/retention-report-text.js';
import { RetentionService } from './retention/retention.service.js';
import { ROLES, type Role } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';

const USAGE = `Usage : npm run cli -- <commande>
  user:create --email E --password P --role admin|manager|viewer [--centre ID]
  migrations:run            applique les migrations en attente
  demo:load                 charge un centre de démonstration
  backup --out FICHIER      sauvegarde la base de données
  reminders:run             une passe de rappels maintenant ; affiche ce qui est envoyé
  retention:purge [--dry-run]  anonymise les candidats des sessions trop anciennes
`;

async function main(): Promise<number> {
  const { command, options } = parseArgs(process.argv.slice(2));
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const config = { ...loadAppConfig(process.env), scheduler: false, issueSetupLink: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new JsonLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  });
  try {
    switch (command) {
      case 'migrations:run':
        process.stdout.write('Migrations appliquées.\n');
        return 0;
      case 'user:create': {
        const role = requireOption(options, 'role');
        if (!ROLES.includes(role as Role))
          throw new Error(`--role doit valoir ${ROLES.join(', ')}`);
        const centre = options.centre;
        const user = await app.get(UsersService).create({
          email: requireOption(options, 'email'),
          password: requireOption(options, 'password'),
          role: role as Role,
          centreIds: typeof centre === 'string' ? centre.split(',') : [],
        });
        process.stdout.write(`Utilisateur créé : ${user.email} (${user.role}) id=${user.id}\n`);
        return 0;
      }
      case 'demo:load': {
        const summary = await app.get(DemoLoader).load();
        process.stdout.write(summary + '\n');
        return 0;
      }
      case 'backup': {
        const out = requireOption(options, 'out');
        await app.get(Database).backup(out);
        process.stdout.write(`Sauvegarde écrite dans ${out}\n`);
        return 0;
      }
      case 'reminders:run': {
        const report = await app.get(ReminderPassService).run();
        process.stdout.write(passReportText(report));
        return report.failed.length === 0 ? 0 : 1;
      }
      case 'retention:purge': {
        const report = await app
          .get(RetentionService)
          .purge({ dryRun: options['dry-run'] === true });
        process.stdout.write(retentionReportText(report));
        return 0;
      }
      default:
        process.stderr.write(`Commande inconnue : ${command}\n${USAGE}`);
        return 2;
    }
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError
        ? `Configuration invalide : ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`Erreur : ${message}\n`);
    process.exit(1);
  },
);
