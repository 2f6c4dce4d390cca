import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Public, Roles } from '@larder/auth';
import { LarderError } from '@larder/common';
import { Subscriber, SubscriptionService } from '@larder/delivery';
import { CreateSubscriptionDto, UnsubscribeQueryDto } from './dtos/subscription.dto';
import { unsubscribePage } from './unsubscribe.page';

function subscriber(principal: Principal): Subscriber {
  if (principal.kind !== 'user') throw new LarderError('FORBIDDEN', 'subscriptions belong to people, not API tokens');
  return { userId: principal.userId, username: principal.username, role: principal.role, canteenIds: principal.canteenIds };
}

/** Every person manages their own subscriptions; admins also see everyone's and may end any. */
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Get('api/subscriptions')
  @Roles('manager', 'finance', 'union', 'viewer')
  list(@CurrentPrincipal() principal: Principal) {
    return this.subscriptions.list(subscriber(principal), 'own');
  }

  @Post('api/subscriptions')
  @Roles('manager', 'finance', 'union', 'viewer')
  create(@Body() body: CreateSubscriptionDto, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.create(subscriber(principal), body);
  }

  @Delete('api/subscriptions/:id')
  @Roles('manager', 'finance', 'union', 'viewer')
  @HttpCode(204)
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.subscriptions.remove(subscriber(principal), id);
  }

  /** Admin only (no @Roles): everyone's subscriptions. */
  @Get('api/admin/subscriptions')
  listAll(@CurrentPrincipal() principal: Principal) {
    return this.subscriptions.list(subscriber(principal), 'all');
  }

  /** The link in every e-mail: needs no sign-in, the token names the one subscription it ends. */
  @Get('api/subscriptions/unsubscribe')
  @Public()
  async unsubscribe(@Query() query: UnsubscribeQueryDto, @Res() response: Response): Promise<void> {
    const outcome = await this.subscriptions.unsubscribe(query.token);
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(unsubscribePage(outcome));
  }
}
