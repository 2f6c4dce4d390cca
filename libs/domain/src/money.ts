/** Money is stored and computed in integer fen (1 yuan = 100 fen) so sums are exact. */
export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** An amount as a line of plain text shows it (the command line): ¥ and two decimals, e.g. ¥12.30. */
export function yuanText(fen: Fen): string {
  return `¥${fenToYuan(fen).toFixed(2)}`;
}
