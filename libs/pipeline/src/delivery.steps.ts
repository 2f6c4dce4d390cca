import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { DeliveryQueueService, DeliverySenderService } from '@larder/delivery';
import { JobRegistry, JobStepDefinition } from '@larder/jobs';
import { DELIVERY_JOB } from './job-names';

/**
 * Pushing reports and alerts to their subscribers. The nightly run, once the data and plans are
 * fresh, queues the reports due and the alerts found and sends them; the `deliveries` job, on its
 * own cron, sends what is still waiting, retries included.
 */
@Injectable()
export class DeliverySteps implements OnModuleInit {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
    private readonly queue: DeliveryQueueService,
    private readonly sender: DeliverySenderService,
  ) {}

  onModuleInit(): void {
    this.registry.define({
      name: DELIVERY_JOB,
      cron: this.config.delivery.cron,
      description: 'send the subscribed reports and alerts waiting in the outbox, retries included',
      // Fired every few minutes: a firing with nothing waiting leaves no run in the history.
      due: () => this.sender.hasDue(),
    });
    this.registry.addStep(DELIVERY_JOB, this.sendStep());
  }

  queueStep(): JobStepDefinition {
    return { name: 'queue-deliveries', perCanteen: false, run: ({ asOf }) => this.queue.queue(asOf) };
  }

  sendStep(): JobStepDefinition {
    return { name: 'send-deliveries', perCanteen: false, run: () => this.sender.sendDue() };
  }
}
