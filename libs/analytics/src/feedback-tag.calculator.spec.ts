import { loadConfig } from '@larder/config';
import { feedbackTagKind } from './feedback-tag.calculator';

describe('feedbackTagKind', () => {
  const classes = loadConfig({}).feedback;

  it.each([
    ['实惠', 'praise'],
    ['好吃', 'praise'],
    ['新鲜', 'praise'],
    ['分量足', 'praise'],
    ['太咸', 'complaint'],
    ['价格贵', 'complaint'],
    ['不新鲜', 'complaint'],
  ])('classes the demo tag %s as %s by default', (tag, kind) => expect(feedbackTagKind(tag, classes)).toBe(kind));

  it('follows the settings, and leaves a tag on neither list apart', () => {
    const own = loadConfig({ LARDER_PRAISE_TAGS: '干净', LARDER_COMPLAINT_TAGS: '实惠' }).feedback;
    expect(feedbackTagKind('干净', own)).toBe('praise');
    expect(feedbackTagKind('实惠', own)).toBe('complaint');
    expect(feedbackTagKind('好吃', own)).toBe('other');
  });
});
