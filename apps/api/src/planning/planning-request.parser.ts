import { LarderError } from '@larder/common';
import { isMealPeriod, MealPeriod, parseIsoDate } from '@larder/domain';
import type { WhatIfScenario } from '@larder/procurement';

export type Body = Record<string, unknown>;

export function asBody(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new LarderError('VALIDATION_FAILED', 'the request body must be a JSON object');
  return body as Body;
}

export function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw new LarderError('VALIDATION_FAILED', `"${name}" is required (text)`);
  return value.trim();
}

export function optionalNumber(body: Body, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) throw new LarderError('VALIDATION_FAILED', `"${name}" must be a number, got ${JSON.stringify(value)}`);
  return number;
}

export function requiredInteger(body: Body, name: string): number {
  const value = optionalNumber(body, name);
  if (value === undefined || !Number.isInteger(value)) throw new LarderError('VALIDATION_FAILED', `"${name}" is required (a whole number)`);
  return value;
}

export function dateValue(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new LarderError('VALIDATION_FAILED', `"${name}" is required (YYYY-MM-DD)`);
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `"${name}": ${(error as Error).message}`);
  }
}

function mealValue(value: string): MealPeriod {
  if (!isMealPeriod(value)) throw new LarderError('VALIDATION_FAILED', `meal must be breakfast, lunch, dinner or night, got ${JSON.stringify(value)}`);
  return value;
}

function integerList(name: string, value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => !Number.isInteger(entry))) throw new LarderError('VALIDATION_FAILED', `"${name}" must be a list of canteen ids`);
  return value as number[];
}

/** `{serviceLevel?, headcountFactor?, swaps?: [{fromDishId, toDishId, serviceDate?, meal?}], closeCanteens?: [id], redirect?: {toCanteenIds, share}}`. */
export function parseScenario(value: unknown): WhatIfScenario {
  const body = asBody(value ?? {});
  const swaps = body.swaps === undefined ? undefined : Array.isArray(body.swaps) ? body.swaps.map((swap) => {
    const entry = asBody(swap);
    return {
      fromDishId: requiredInteger(entry, 'fromDishId'), toDishId: requiredInteger(entry, 'toDishId'),
      serviceDate: entry.serviceDate === undefined ? undefined : dateValue('serviceDate', entry.serviceDate),
      meal: entry.meal === undefined ? undefined : mealValue(requiredString(entry, 'meal')),
    };
  }) : (() => { throw new LarderError('VALIDATION_FAILED', '"swaps" must be a list'); })();
  const redirect = body.redirect === undefined ? undefined : (() => {
    const entry = asBody(body.redirect);
    return { toCanteenIds: integerList('redirect.toCanteenIds', entry.toCanteenIds) ?? [], share: optionalNumber(entry, 'share') ?? 0 };
  })();
  return {
    serviceLevel: optionalNumber(body, 'serviceLevel'), headcountFactor: optionalNumber(body, 'headcountFactor'),
    swaps, closeCanteens: integerList('closeCanteens', body.closeCanteens), redirect,
  };
}
