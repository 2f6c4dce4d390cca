import type { FeedbackTagKind } from './dashboard/dashboard.contract';

/** The two lists of the settings (LARDER_PRAISE_TAGS, LARDER_COMPLAINT_TAGS). */
export interface FeedbackTagClasses {
  readonly praiseTags: readonly string[];
  readonly complaintTags: readonly string[];
}

/** Whether a feedback tag praises or complains; a tag on neither list is 'other', shown apart from both. */
export function feedbackTagKind(tag: string, classes: FeedbackTagClasses): FeedbackTagKind {
  if (classes.praiseTags.includes(tag)) return 'praise';
  if (classes.complaintTags.includes(tag)) return 'complaint';
  return 'other';
}
