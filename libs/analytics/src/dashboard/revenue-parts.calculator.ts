import { PAYMENT_CHANNELS } from '@larder/domain';
import type { FinanceFigures } from '../finance.calculator';
import type { FinancePanel } from './dashboard.contract';

/**
 * Revenue split into the employer's subsidy and what diners paid by channel; a paid amount no channel
 * accounts for is a part of its own (channel null), so the parts always sum to revenue.
 */
export function revenueParts(figures: FinanceFigures): FinancePanel['revenueParts'] {
  const seen = Object.keys(figures.paidByChannel);
  const channels = [...PAYMENT_CHANNELS.filter((channel) => seen.includes(channel)), ...seen.filter((channel) => !(PAYMENT_CHANNELS as readonly string[]).includes(channel)).sort()];
  const parts: FinancePanel['revenueParts'] = [{ part: 'subsidy', channel: null, amountFen: figures.subsidyFen }];
  for (const channel of channels) parts.push({ part: 'paid', channel, amountFen: figures.paidByChannel[channel] });
  const paidByChannels = channels.reduce((sum, channel) => sum + figures.paidByChannel[channel], 0);
  if (paidByChannels !== figures.paidFen) parts.push({ part: 'paid', channel: null, amountFen: figures.paidFen - paidByChannels });
  return parts;
}
