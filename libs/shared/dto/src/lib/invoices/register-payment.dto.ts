import { IsAmount, IsPlainDate } from '../common/validators';

/** A payment (incasso) received for an installment, which is added to the amount already paid. */
export class RegisterPaymentDto {
  /** Amount received, greater than 0 and at most the installment's residual, such as "123.45". */
  @IsAmount() amount!: string;

  /** Day the payment was received, YYYY-MM-DD. */
  @IsPlainDate() paidOn!: string;
}
