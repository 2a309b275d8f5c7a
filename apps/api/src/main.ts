import { Logger } from '@nestjs/common';

import { AppModule } from './app/app.module';
import { createHttpApp } from './configure-app';
import { ConfigurationService } from './services/configuration/configuration.service';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp(AppModule.register({ server: true }));
  app.enableShutdownHooks();

  const configurationService = app.get(ConfigurationService);
  const host = configurationService.get('host');
  const port = configurationService.get('port');
  await app.listen(port, host);
  Logger.log(`Solleciti is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/ (API at /api).`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), undefined, 'Bootstrap');
  process.exit(1);
});
