import { IsPlainDate } from '../common/validators';

export class ListInstallmentsQueryDto {
  /** First due date included, YYYY-MM-DD. */
  @IsPlainDate() from!: string;

  /** Last due date included, YYYY-MM-DD. The range covers at most 366 days, both ends included. */
  @IsPlainDate() to!: string;
}
