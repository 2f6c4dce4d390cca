/** Money is stored and computed in integer fen (1 yuan = 100 fen) so sums are exact. */
export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}
