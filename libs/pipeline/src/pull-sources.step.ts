import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { inboxCounts, InboxService, VendorPullService } from '@larder/ingestion';
import { JobRegistry, JobStepDefinition, StepCounts } from '@larder/jobs';
import { INBOX_JOB } from './job-names';

/**
 * Brings in what the sources hold: the inbox folder (on its own cron, and first thing at night)
 * and the vendor databases (at night). A bad inbox file is filed under failed/ and counted; a
 * vendor source that fails makes the step fail, so the runner retries it from the last watermark.
 */
@Injectable()
export class PullSourcesStep implements OnModuleInit {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
    private readonly inbox: InboxService,
    private readonly pulls: VendorPullService,
  ) {}

  onModuleInit(): void {
    this.registry.define({
      name: INBOX_JOB,
      cron: this.config.imports.inboxCron,
      description: 'import the files waiting in the inbox folder',
      // Fired every five minutes: a missing or empty folder (or files still being written) leaves no run in the history.
      due: () => this.inbox.hasWork(),
    });
    this.registry.addStep(INBOX_JOB, { name: 'scan-inbox', perCanteen: false, run: async () => inboxCounts(await this.inbox.scan()) });
  }

  /** The nightly pipeline's first step. */
  readonly definition: JobStepDefinition = {
    name: 'pull-sources',
    perCanteen: false,
    run: async (): Promise<StepCounts> => {
      const inbox = inboxCounts(await this.inbox.scan());
      const pulled = await this.pulls.pull();
      const failed = pulled.filter((source) => source.error);
      if (failed.length > 0) throw new Error(failed.map((source) => `pull ${source.source}: ${source.error}`).join('; '));
      const sum = (key: 'pages' | 'accepted' | 'duplicates' | 'rejected') => pulled.reduce((total, source) => total + source[key], 0);
      return {
        inboxFiles: inbox.files,
        inboxFailed: inbox.failed,
        inboxWaiting: inbox.waiting,
        inboxAccepted: inbox.accepted,
        sources: pulled.length,
        pages: sum('pages'),
        pulledAccepted: sum('accepted'),
        pulledDuplicates: sum('duplicates'),
        pulledRejected: sum('rejected'),
      };
    },
  };
}
