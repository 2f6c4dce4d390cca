import { types } from 'pg';

/** Sums of fen and counts stay far below 2^53, so int8 and numeric read as the numbers every caller wants. */
const AS_NUMBER = new Set<number>([types.builtins.INT8, types.builtins.NUMERIC]);
const toNumber = (value: string): number => Number(value);

/**
 * The type parsers of every pool Larder opens, given to `pg` per pool rather than set on its global
 * defaults: int8 and numeric become numbers; everything else (bool, dates, json) reads as `pg` reads it.
 */
export const ROW_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (AS_NUMBER.has(oid) && format !== 'binary' ? toNumber : types.getTypeParser(oid, format ?? 'text'))) as typeof types.getTypeParser,
};
