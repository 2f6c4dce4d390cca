import { fenToYuan } from '../../../libs/domain/src/money';
import type { Lang } from './i18n';

/**
 * The canteens' time zone is the server's setting, which /api/dashboard/meta names; the app takes it
 * from there before it draws a page. Only a request sent before that answer (the first page's data)
 * uses the default, and is sent again if the zone differs.
 */
let canteenTimeZone = 'Asia/Shanghai';

export function useTimeZone(zone: string): void {
  canteenTimeZone = zone;
}

export function timeZone(): string {
  return canteenTimeZone;
}

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
  // 'negative': a value that rounds to zero shows no minus sign ("-0.00")
  const nf = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, { ...options, signDisplay: 'negative' }));
    return cache.get(key)!;
  };
  // Times read as the pages' ISO dates do ("2026-11-21 00:30") in both languages: en-GB's 21/11/2026 is ambiguous beside them.
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: canteenTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateTime = (date: Date) => {
    const part = Object.fromEntries(clock.formatToParts(date).map((piece) => [piece.type, piece.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  };
  const empty = (value: number | null | undefined) => value === null || value === undefined || Number.isNaN(value);
  return {
    number: (value, digits = 0) => (empty(value) ? '–' : nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value!)),
    yuan: (fen, digits = 0) => {
      if (empty(fen)) return '–';
      const amount = nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fenToYuan(fen!));
      return amount.startsWith('-') ? `-¥${amount.slice(1)}` : `¥${amount}`;
    },
    pct: (share, digits = 1) => (empty(share) ? '–' : `${nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share! * 100)}%`),
    dateTime: (iso) => (iso ? dateTime(new Date(iso)) : '–'),
  };
}

/** Yuan from fen for chart data (charts format their own axes). */
export function toYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fenToYuan(Math.round(fen));
}
