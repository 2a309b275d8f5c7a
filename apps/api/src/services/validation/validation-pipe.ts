import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Creates the one validation pipe of the API: unknown fields are rejected rather than ignored, and each
 * error names the field and the reason.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: flatten(errors),
      }),
  });
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      if (constraint === 'whitelistValidation') {
        return `${path} is not an accepted field; remove it`;
      }

      return message.startsWith(error.property) ? `${prefix}${message}` : `${path}: ${message}`;
    });

    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}
