import type { ClosedDay } from './contract';
import type { PageContext } from './page-context';

/** Why a day is closed, in the page's language: the closure's reason or the holiday's name. */
export function closedText(context: PageContext, closed: Omit<ClosedDay, 'date'>): string {
  const { t } = context;
  const name = (context.lang === 'zh-CN' ? (closed.nameZh ?? closed.name) : (closed.name ?? closed.nameZh)) ?? '';
  if (closed.because === 'weekend') return t('closedBecause.weekend');
  return name === '' ? t('today.noService') : t(`closedBecause.${closed.because}`, { name });
}
