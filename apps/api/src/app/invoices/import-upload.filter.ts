import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { Response } from 'express';

import { ConfigurationService } from '../../services/configuration/configuration.service';

/**
 * Rewrites multer's terse upload errors ("File too large", "Unexpected field") into messages
 * that give the limit or the field name to use; other errors pass through unchanged.
 */
@Catch(PayloadTooLargeException, BadRequestException)
@Injectable()
export class ImportUploadFilter implements ExceptionFilter {
  constructor(private readonly configurationService: ConfigurationService) {}

  catch(exception: HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();

    if (exception instanceof PayloadTooLargeException) {
      const limit = this.configurationService.get('importMaxFileBytes');
      response.status(413).json({
        statusCode: 413,
        error: 'Payload Too Large',
        reason: 'file-too-large',
        message: `A file is larger than the limit of ${limit} bytes, so nothing was imported; send it on its own after raising IMPORT_MAX_FILE_BYTES, or leave it out`,
      });

      return;
    }

    const field = /^Unexpected (?:file )?field(?: - (.*))?$/i.exec(exception.message);
    if (field) {
      response.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: `Unexpected multipart field "${field[1] ?? ''}"; send the FatturaPA files in the field "files"`,
      });

      return;
    }

    response.status(exception.getStatus()).json(exception.getResponse());
  }
}
