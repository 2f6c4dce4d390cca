import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTokenService, AuditService, CurrentPrincipal, Principal, principalName } from '@larder/auth';
import { LarderError } from '@larder/common';
import { CreateTokenDto } from './dtos/create-token.dto';

/** Admin only: no @Roles, so the access guard lets admins and nobody else through. */
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly audit: AuditService,
  ) {}

  @Get('tokens')
  listTokens() {
    return this.tokens.list();
  }

  @Post('tokens')
  async createToken(@Body() body: CreateTokenDto, @CurrentPrincipal() principal: Principal) {
    const created = await this.tokens.create(body);
    await this.audit.record({ actor: principalName(principal), action: 'token.create', detail: { tokenId: created.id, name: body.name, scopes: body.scopes } });
    return created;
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revokeToken(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.tokens.revoke(id);
    await this.audit.record({ actor: principalName(principal), action: 'token.revoke', detail: { tokenId: id } });
  }

  @Get('audit')
  auditLog(@Query('limit') limit?: string) {
    const take = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(take) || take < 1 || take > 1000) throw new LarderError('VALIDATION_FAILED', 'query parameter "limit" must be a whole number from 1 to 1000');
    return this.audit.recent(take);
  }
}
