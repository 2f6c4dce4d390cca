import { feedbackTagName } from '../../../libs/domain/src/feedback-tag-names';
import type { Lang } from './i18n';

export function tagName(tag: string, lang: Lang): string {
  return feedbackTagName(tag, lang);
}
