import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { MEAL_PERIODS } from '@larder/domain';

/** One query parameter: its description, or the description with its format, values or whether it is required. */
export interface QueryParameterSpec {
  readonly description: string;
  readonly required?: boolean;
  readonly format?: 'date';
  readonly enum?: readonly string[];
}
export type QueryParameter = string | QueryParameterSpec;

/** Documents query parameters, optional unless said otherwise (the handler's own checks stay the rule). */
export function QueryParameters(parameters: Record<string, QueryParameter>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(parameters).map(([name, parameter]) => {
      const { description, required = false, format, enum: values } = typeof parameter === 'string' ? { description: parameter } : parameter;
      return ApiQuery({ name, description, required, schema: { type: 'string', ...(format ? { format } : {}), ...(values ? { enum: [...values] } : {}) } });
    }),
  );
}

export const DAY_FROM: QueryParameterSpec = { description: 'First day (YYYY-MM-DD)', format: 'date' };
export const DAY_TO: QueryParameterSpec = { description: 'Last day (YYYY-MM-DD)', format: 'date' };
export const MEAL: QueryParameterSpec = { description: 'One meal', enum: MEAL_PERIODS };

/** The dashboard panels' filters (dashboard.contract.ts); a parameter not listed is refused. */
export const DASHBOARD_FILTERS: Record<string, QueryParameter> = {
  from: DAY_FROM,
  to: DAY_TO,
  canteens: 'Canteen ids, comma-separated (default: every canteen the caller sees)',
  meal: MEAL,
  dish: 'One dish id',
};

/** A route that answers a file or text instead of JSON. */
export function FileAnswer(contentType: string, description: string): MethodDecorator {
  return applyDecorators(ApiProduces(contentType), ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } }));
}

/** An upload, summarised: the multipart field `file`, or the file itself as the body with its type. */
export function UploadOperation(summary: string, contentTypes: readonly string[]): MethodDecorator {
  const file = { type: 'string', format: 'binary' } as const;
  const multipart = { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file } } } };
  const raw = Object.fromEntries(contentTypes.map((type) => [type, { schema: file }]));
  return ApiOperation({
    summary,
    requestBody: { required: true, description: 'The file, as the multipart field `file` or as the body (`?name=` labels a raw body)', content: { ...multipart, ...raw } },
  });
}
