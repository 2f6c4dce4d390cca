import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LarderError } from '@larder/common';
import { CurrentPrincipal, Principal, Public, Roles, SESSION_COOKIE, SessionService } from '@larder/auth';
import { PersonAnswer, SignedInAnswer, TokenAnswer } from './dtos/auth-answers.dto';
import { ChangePasswordDto } from './dtos/change-password.dto';
import { LoginDto } from './dtos/login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';

const EVERY_ROLE = ['manager', 'finance', 'union', 'viewer'] as const;

@Controller('api/auth')
@ApiExtraModels(PersonAnswer, TokenAnswer)
export class AuthController {
  constructor(private readonly sessions: SessionService) {}

  /** Ten tries a minute per client and username: enough for a person, too slow to guess passwords. */
  @Post('login')
  @ApiOperation({ summary: 'Sign in: sets the session cookie and answers the role, canteens and the CSRF token for writes' })
  @ApiOkResponse({ type: SignedInAnswer, description: 'Signed in; the session cookie is set' })
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const signedIn = await this.sessions.login(body);
    response.cookie(SESSION_COOKIE, signedIn.token, { httpOnly: true, sameSite: 'strict', secure: request.secure, expires: signedIn.expiresAt, path: '/' });
    const { username, role, canteenIds } = signedIn.principal;
    return { username, role, canteenIds, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
  }

  /** Self-service: `{oldPassword, newPassword}`; the user's other sessions end, this one stays. */
  @Post('password')
  @ApiOperation({ summary: "Change one's own password; one's other sessions end" })
  @Roles(...EVERY_ROLE)
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @HttpCode(204)
  async changePassword(@Body() body: ChangePasswordDto, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<void> {
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (principal.kind !== 'user' || !token) throw new LarderError('FORBIDDEN', 'only a signed-in person can change their password');
    await this.sessions.changePassword({ userId: principal.userId, currentToken: token, oldPassword: body.oldPassword, newPassword: body.newPassword });
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out: the session ends' })
  @Roles(...EVERY_ROLE)
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (token) await this.sessions.logout(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(PersonAnswer) }, { $ref: getSchemaPath(TokenAnswer) }] } })
  @ApiOperation({ summary: 'Who is calling: a person (role, canteens, CSRF token) or a token (name, scopes)' })
  @Roles(...EVERY_ROLE)
  me(@CurrentPrincipal() principal: Principal) {
    if (principal.kind === 'token') return { kind: 'token', name: principal.name, scopes: principal.scopes };
    return { kind: 'user', username: principal.username, role: principal.role, canteenIds: principal.canteenIds, csrfToken: principal.csrfToken };
  }
}
