import { ArgumentsHost, Catch, ExceptionFilter, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { Response } from 'express';

import { ConfigurationService } from '../../services/configuration/configuration.service';

/** Replaces multer's bare "File too large" with the limit and how to change it. */
@Catch(PayloadTooLargeException)
@Injectable()
export class ImportTooLargeFilter implements ExceptionFilter {
  constructor(private readonly configurationService: ConfigurationService) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const limit = this.configurationService.get('importMaxFileBytes');

    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `A file is larger than the limit of ${limit} bytes, so nothing was imported; send it on its own after raising IMPORT_MAX_FILE_BYTES, or leave it out`,
      });
  }
}
