import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ApiTokenService, AuditService, canteenIdsOf, CurrentPrincipal, Principal, principalName, UserAdminService } from '@larder/auth';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { defuseFormula } from '@larder/domain';
import { AuditQueryDto, CreateUserDto, UpdateUserDto } from './dtos/user-admin.dto';
import { CreatedTokenAnswer } from './dtos/auth-answers.dto';
import { CreateTokenDto } from './dtos/create-token.dto';

/** Admin only: no @Roles, so the access guard lets admins and nobody else through. */
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly audit: AuditService,
    private readonly users: UserAdminService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'People with role, canteens and status' })
  listUsers() {
    return this.users.list();
  }

  /** The generated password is in this answer only. */
  @Post('users')
  @ApiOperation({ summary: 'Add a person; the generated password is in this answer only' })
  createUser(@Body() body: CreateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.users.create(principalName(principal), body);
  }

  @Patch('users/:username')
  @ApiOperation({ summary: "Change a person's role or canteens, disable or enable them; their sessions end" })
  updateUser(@Param('username') username: string, @Body() body: UpdateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.users.update(principalName(principal), username, body);
  }

  /** A new generated password, in this answer only; the person's sessions end. */
  @Post('users/:username/password')
  @ApiOperation({ summary: 'Reset a password: a generated one, in this answer only; the sessions end' })
  @HttpCode(200)
  resetPassword(@Param('username') username: string, @CurrentPrincipal() principal: Principal) {
    return this.users.resetPassword(principalName(principal), username);
  }

  @Get('tokens')
  @ApiOperation({ summary: 'API tokens with scopes, creation and revocation time (never the tokens)' })
  listTokens() {
    return this.tokens.list();
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Create an API token; the token is in this answer only' })
  @ApiCreatedResponse({ type: CreatedTokenAnswer })
  async createToken(@Body() body: CreateTokenDto, @CurrentPrincipal() principal: Principal) {
    const created = await this.tokens.create(body);
    await this.audit.record({ actor: principalName(principal), action: 'token.create', detail: { tokenId: created.id, name: body.name, scopes: body.scopes } });
    return created;
  }

  @Delete('tokens/:id')
  @ApiOperation({ summary: 'Revoke an API token: its next request gets 401' })
  @HttpCode(204)
  async revokeToken(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.tokens.revoke(id);
    await this.audit.record({ actor: principalName(principal), action: 'token.revoke', detail: { tokenId: id } });
  }

  /** Newest first, filtered; `format=csv` downloads the same rows as a spreadsheet-safe CSV. */
  @Get('audit')
  @ApiOperation({ summary: 'The audit log, newest first, filtered; format=csv downloads the same rows' })
  @ApiOkResponse({
    description: 'The entries, or with format=csv the same rows as a CSV file',
    content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async auditLog(@Query() query: AuditQueryDto, @Res({ passthrough: true }) response: Response) {
    const [canteenId] = query.canteen === undefined ? [undefined] : await canteenIdsOf(this.dataSource, [query.canteen], 'canteen');
    const entries = await this.audit.search({ limit: query.limit ?? 100, actor: query.actor, action: query.action, from: query.from, to: query.to, timeZone: this.config.timezone, canteenId });
    if (query.format !== 'csv') return entries;
    response.type('text/csv; charset=utf-8').attachment('larder-audit.csv');
    const rows = entries.map((entry) => [entry.at.toISOString(), entry.actor, entry.action, JSON.stringify(entry.detail)]);
    // A leading BOM so spreadsheet programs read the Chinese text; a leading quote defuses formulas.
    return '\uFEFF' + stringify([['at', 'actor', 'action', 'detail'], ...rows.map((row) => row.map(defuseFormula))]);
  }
}
