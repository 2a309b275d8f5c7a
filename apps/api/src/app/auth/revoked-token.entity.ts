import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An access token ended by a logout before its expiry; the row can go once the token has expired. */
@Entity('revoked_tokens')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;
}
