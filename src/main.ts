import { ConfigError, loadAppConfig } from './config/app-config.js';

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
  // The application is loaded only once the settings are valid: a wrong setting is said at once,
  // without loading every module first.
  const { createApp } = await import('./bootstrap.js');
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
