import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@larder/domain';
import { TOKEN_SCOPES, type TokenScope } from '@larder/auth';

/** `POST /api/auth/login`: who signed in, and the CSRF token their writes echo. */
export class SignedInAnswer {
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: 'integer', isArray: true, description: "A manager's canteen ids" }) canteenIds!: number[];
  @ApiProperty({ description: 'Send as the x-csrf-token header with every write' }) csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/** `GET /api/auth/me` for a signed-in person. */
export class PersonAnswer {
  @ApiProperty({ enum: ['user'] }) kind!: 'user';
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: 'integer', isArray: true }) canteenIds!: number[];
  @ApiProperty() csrfToken!: string;
}

/** `GET /api/auth/me` for an API token. */
export class TokenAnswer {
  @ApiProperty({ enum: ['token'] }) kind!: 'token';
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true }) scopes!: TokenScope[];
}

/** `POST /api/admin/tokens`: the token itself, shown this once. */
export class CreatedTokenAnswer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as "Authorization: Bearer <token>"; only its hash is kept' }) token!: string;
}
