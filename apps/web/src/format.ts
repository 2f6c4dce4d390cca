import type { Lang } from './i18n';

export const TIME_ZONE = 'Asia/Shanghai';

/** Number, money and time formats for one language; money arrives in fen and is shown in yuan. */
export interface Formats {
  number(value: number | null | undefined, digits?: number): string;
  yuan(fen: number | null | undefined, digits?: number): string;
  pct(share: number | null | undefined, digits?: number): string;
  dateTime(iso: string | null | undefined): string;
}

export function formats(lang: Lang): Formats {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, options));
    return cache.get(key)!;
  };
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const empty = (value: number | null | undefined) => value === null || value === undefined || Number.isNaN(value);
  return {
    number: (value, digits = 0) => (empty(value) ? '–' : nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value!)),
    yuan: (fen, digits = 0) => (empty(fen) ? '–' : `¥${nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fen! / 100)}`),
    pct: (share, digits = 1) => (empty(share) ? '–' : `${nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share! * 100)}%`),
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '–'),
  };
}

/** Yuan from fen for chart data (charts format their own axes). */
export function toYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : Math.round(fen) / 100;
}
