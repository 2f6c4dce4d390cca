import { Module } from '@nestjs/common';
import { DeliveryModule } from '@larder/delivery';
import { SubscriptionsController } from './subscriptions.controller';

@Module({ imports: [DeliveryModule], controllers: [SubscriptionsController] })
export class SubscriptionsApiModule {}
