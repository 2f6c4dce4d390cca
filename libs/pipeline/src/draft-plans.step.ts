import { Injectable } from '@nestjs/common';
import { addDays, isoWeek } from '@larder/domain';
import type { JobStepDefinition } from '@larder/jobs';
import { DraftOutcome, DraftPlanService } from '@larder/procurement';

/**
 * The nightly step "draft next week's plans": after the forecasts are refreshed, each canteen gets
 * a draft for the ISO week after the one the run works for, ready for its manager to review.
 * Per canteen, so the runner spreads it over workers and one canteen failing leaves the others be.
 */
@Injectable()
export class DraftPlansStep {
  constructor(private readonly drafts: DraftPlanService) {}

  definition(): JobStepDefinition {
    return {
      name: 'draft-plans',
      perCanteen: true,
      run: async ({ canteenId, asOf }) => {
        const result = await this.drafts.draftWeek({ canteenId: canteenId!, week: isoWeek(addDays(asOf, 7)) });
        const counts: Record<DraftOutcome, number> = { drafted: 0, 'approved-kept': 0, unchanged: 0, 'overridden-kept': 0 };
        counts[result.outcome] = 1;
        return counts;
      },
    };
  }
}
