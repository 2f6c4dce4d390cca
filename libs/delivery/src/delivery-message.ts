import { congressLabelsFor, labelsFor, type ReportKind } from '@larder/reporting';
import { alertSentence, alertTitle } from './alert-sentences';
import type { DeliveryEvent, Names, RenderedMessage, ReportLanguage } from './delivery-event';

export function reportTitle(kind: ReportKind, language: ReportLanguage): string {
  const labels = labelsFor(language);
  const titles: Record<ReportKind, string> = {
    finance: labels.financeTitle,
    satisfaction: labels.satisfactionTitle,
    waste: labels.wasteTitle,
    accuracy: labels.accuracyTitle,
    'purchase-plan': labels.purchaseTitle,
    congress: congressLabelsFor(language).congressTitle,
  };
  return titles[kind];
}

/**
 * The words of one delivery: the subject, a plain-text body for e-mail ending with the
 * unsubscribe link, and markdown for a chat webhook. Everything in the subscriber's language.
 */
export function renderMessage(input: { event: DeliveryEvent; names: Names; language: ReportLanguage; unsubscribeUrl: string }): RenderedMessage {
  const { event, names, language, unsubscribeUrl } = input;
  const en = language === 'en';
  const footer = en ? `To stop receiving this, unsubscribe: ${unsubscribeUrl}` : `退订此订阅：${unsubscribeUrl}`;
  if (event.type === 'report') {
    const period = event.month ?? event.week ?? '';
    const where = event.canteenId !== null ? names.canteen(event.canteenId) : en ? 'all canteens' : '全部食堂';
    const title = `${reportTitle(event.kind, language)} ${period} · ${where}`;
    const line = en ? `The ${reportTitle(event.kind, language).toLowerCase()} for ${period} (${where}) is attached.` : `附件为 ${period}（${where}）的${reportTitle(event.kind, language)}。`;
    return { subject: `Larder: ${title}`, text: `${line}\n\n${footer}\n`, markdown: `### ${title}\n${line}` };
  }
  const title = alertTitle(event.alert, language);
  const sentence = alertSentence(event.alert, names, language);
  const severity = event.alert.severity === 'critical' ? (en ? 'critical' : '严重') : en ? 'warning' : '警告';
  return {
    subject: `Larder: ${title} — ${sentence.split(/[:：]/)[0]}`,
    text: `${title} (${severity})\n\n${sentence}\n\n${footer}\n`,
    markdown: `### ${title}（${severity}）\n${sentence}`,
  };
}

export type WebhookBody = { msgtype: 'markdown'; markdown: { content: string } } | { msgtype: 'markdown'; markdown: { title: string; text: string } };

/**
 * The body a group robot's incoming webhook takes: WeCom's markdown `content` by default, and
 * DingTalk's `title` and `text` for a robot on DingTalk's host.
 */
export function webhookBody(message: RenderedMessage, url = ''): WebhookBody {
  const dingTalk = /^https?:\/\/oapi\.dingtalk\.com\//i.test(url);
  return dingTalk ? { msgtype: 'markdown', markdown: { title: message.subject, text: message.markdown } } : { msgtype: 'markdown', markdown: { content: message.markdown } };
}
