import { DynamicModule, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';

import { securityHeaders } from './services/security/security-headers';
import { createValidationPipe } from './services/validation/validation-pipe';

const JSON_BODY_LIMIT = '1mb';

/**
 * Creates the HTTP application with the setup shared by the server and the API tests.
 *
 * Nest's own body parser is replaced so that a malformed JSON body gets a 400 here, because
 * the static-file module turns every later error on an /api path into a 404.
 */
export async function createHttpApp(
  module: DynamicModule,
  options: { logger?: LoggerService | LogLevel[] | false; abortOnError?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { ...options, bodyParser: false });

  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(json({ limit: JSON_BODY_LIMIT }));
  app.use(urlencoded({ extended: false, limit: JSON_BODY_LIMIT }));
  app.use(rejectUnreadableBody);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Solleciti API')
      .setDescription('Automatic payment reminders (solleciti di pagamento) for FatturaPA invoices')
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description:
          'An access token from POST /api/auth/login, or an API key (sk_…) created under a company. ' +
          'An API key reaches only its company and no administrator route.',
      })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (sk_…) of one company' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  return app;
}

function rejectUnreadableBody(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string })?.type;
  if (type === 'entity.parse.failed') {
    response.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON' });

    return;
  }
  if (type === 'entity.too.large') {
    response
      .status(413)
      .json({ statusCode: 413, error: 'Payload Too Large', message: `The request body is larger than ${JSON_BODY_LIMIT}` });

    return;
  }

  next(error);
}
