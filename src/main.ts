import { ConfigError, loadAppConfig } from './config/app-config.js';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration invalide : ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      msg: `Jalon écoute sur ${config.appUrl} (port ${config.port})`,
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Échec du démarrage : ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
