import type { ReportLanguage } from './labels';

/** Every word of the workers' congress summary, in Chinese and English (apart from labels.ts to keep both short). */
const EN = {
  changeHeader: 'Change',
  changePointsFormat: '+0.0" pt";-0.0" pt";0.0" pt"',
  complaintTagsSection: 'Complaint tags (times picked)',
  congressSheet: 'Summary',
  congressTitle: "Canteen summary for the workers' congress",
  costPerMeal: 'Ingredient cost per meal (¥)',
  moneySection: 'Subsidy and prices per meal',
  moneyWithheld: 'Subsidy and price figures are not shown to this role: ask finance for them.',
  noTags: 'No tag was picked by {min} diners or more.',
  noThemes: 'No canteen had {min} or more diners writing comments.',
  notes: [
    'Aggregates only: nothing is shown per person, and any group of fewer than {min} diners is left out of every figure, tag and theme ("{hidden}").',
    'Ratings, tags, themes and participation cover the whole weeks {from} to {to}; the previous period ({previous}) is read the same way.',
    'Change is this period minus the previous one; shares change in percentage points (pt). Comment themes are words five diners or more wrote; names and numbers are never printed.',
  ],
  paidPerMeal: 'Paid by diners per meal (¥)',
  participationRate: 'Staff on duty who ate in the canteen',
  participationSection: 'Participation',
  praiseTagsSection: 'Praise tags (times picked)',
  previousHeader: 'Previous ({period})',
  satisfactionSection: 'Satisfaction',
  subsidyPerMeal: 'Employer subsidy per meal (¥)',
  themeComplaints: 'complaints',
  themePraise: 'praise',
  themesSection: 'Comment themes (diners who commented)',
  thisPeriodHeader: 'This period ({period})',
} satisfies Record<string, string | string[]>;

export type CongressLabels = { [K in keyof typeof EN]: (typeof EN)[K] extends string[] ? string[] : string };

const ZH: CongressLabels = {
  changeHeader: '变化',
  changePointsFormat: '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"',
  complaintTagsSection: '意见标签（被选次数）',
  congressSheet: '简报',
  congressTitle: '职工代表大会食堂工作简报',
  costPerMeal: '每餐食材成本（元）',
  moneySection: '每餐补贴与价格',
  moneyWithheld: '补贴与价格数据不向此角色显示，请向财务部门索取。',
  noTags: '没有被 {min} 位及以上就餐者选择的标签。',
  noThemes: '没有食堂有 {min} 位及以上就餐者写评论。',
  notes: [
    '仅为汇总数据：不显示任何个人数据；不足 {min} 位就餐者的组在所有数据、标签和主题中均不公布（“{hidden}”）。',
    '评分、标签、主题和就餐率涵盖 {from} 至 {to} 的完整周；上期（{previous}）按相同方法计算。',
    '变化为本期减上期；比例的变化以百分点表示。评论主题是五位及以上就餐者写到的词语，从不打印姓名和号码。',
  ],
  paidPerMeal: '每餐职工实付（元）',
  participationRate: '在岗职工就餐率',
  participationSection: '就餐参与',
  praiseTagsSection: '表扬标签（被选次数）',
  previousHeader: '上期（{period}）',
  satisfactionSection: '满意度',
  subsidyPerMeal: '每餐单位补贴（元）',
  themeComplaints: '意见',
  themePraise: '表扬',
  themesSection: '评论主题（评论人数）',
  thisPeriodHeader: '本期（{period}）',
};

export function congressLabelsFor(language: ReportLanguage): CongressLabels {
  return language === 'en' ? EN : ZH;
}
