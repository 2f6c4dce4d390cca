/** Feedback is published in aggregate only: a group answered by fewer diners than this is suppressed. */
export const MIN_GROUP_DINERS = 5;

export interface RatingGroupCounts {
  responses: number;
  /** Distinct diners: distinct pseudonyms plus anonymous responses (each counted as a diner of its own). */
  respondents: number;
  ratingSum: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
  /** Ratings of 1 or 2. */
  dissatisfied: number;
}

export function emptyRatingCounts(): RatingGroupCounts {
  return { responses: 0, respondents: 0, ratingSum: 0, satisfied: 0, dissatisfied: 0 };
}

/** A published group: every figure is null when the group is suppressed. */
export interface RatingFigures {
  suppressed: boolean;
  responses: number | null;
  averageRating: number | null;
  satisfiedShare: number | null;
  dissatisfiedShare: number | null;
}

export function publishRatings(counts: RatingGroupCounts, options: { suppress: boolean }): RatingFigures {
  if (options.suppress || counts.respondents < MIN_GROUP_DINERS || counts.responses === 0) {
    return { suppressed: true, responses: null, averageRating: null, satisfiedShare: null, dissatisfiedShare: null };
  }
  return {
    suppressed: false,
    responses: counts.responses,
    averageRating: counts.ratingSum / counts.responses,
    satisfiedShare: counts.satisfied / counts.responses,
    dissatisfiedShare: counts.dissatisfied / counts.responses,
  };
}

/**
 * Which groups to suppress within one parent (say the dishes of a canteen whose total is published):
 * every group under the threshold, and, when exactly one is, also the next smallest, so that the
 * hidden group cannot be worked out by subtracting the others from the published total.
 */
export function groupsToSuppress<T extends { respondents: number }>(groups: T[], threshold = MIN_GROUP_DINERS): Set<T> {
  const small = new Set(groups.filter((group) => group.respondents < threshold));
  if (small.size === 1 && groups.length > 1) {
    const next = groups.filter((group) => !small.has(group)).sort((a, b) => a.respondents - b.respondents)[0];
    if (next) small.add(next);
  }
  return small;
}
