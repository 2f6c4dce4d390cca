/** @larder/delivery — subscriptions, and reports and alerts pushed by e-mail and chat webhooks through an outbox. */
export * from './subscription-rules';
export * from './delivery-event';
export * from './alert-sentences';
export * from './delivery-message';
export * from './delivery.module';
export * from './services/subscription.service';
export * from './services/alert-source.service';
export * from './services/delivery-queue.service';
export * from './services/delivery-sender.service';
export * from './services/channel-senders';
