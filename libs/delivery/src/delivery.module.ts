import { Module } from '@nestjs/common';
import { DashboardModule } from '@larder/analytics';
import { AuthModule } from '@larder/auth';
import { ReportingModule } from '@larder/reporting';
import { AlertSourceService } from './services/alert-source.service';
import { MailSender, WebhookSender } from './services/channel-senders';
import { DeliveryQueueService } from './services/delivery-queue.service';
import { DeliverySenderService } from './services/delivery-sender.service';
import { SubscriptionService } from './services/subscription.service';

@Module({
  imports: [DashboardModule, AuthModule, ReportingModule],
  providers: [SubscriptionService, AlertSourceService, DeliveryQueueService, DeliverySenderService, MailSender, WebhookSender],
  exports: [SubscriptionService, DeliveryQueueService, DeliverySenderService],
})
export class DeliveryModule {}
