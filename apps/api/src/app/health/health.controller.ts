import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { Public } from '../auth/public.decorator';
import { SmtpHealthIndicator } from './smtp-health.indicator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly healthCheckService: HealthCheckService,
    private readonly smtpHealthIndicator: SmtpHealthIndicator,
    private readonly typeOrmHealthIndicator: TypeOrmHealthIndicator,
  ) {}

  /**
   * Reports the database and the system SMTP sender: 200 when both are up, 503 with the failing
   * one's message otherwise. Open without a token, for load balancers and container health checks.
   */
  @Public()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.healthCheckService.check([
      () => this.typeOrmHealthIndicator.pingCheck('database', { timeout: 3_000 }),
      () => this.smtpHealthIndicator.check('smtp'),
    ]);
  }
}
