/** JSON over fetch with the session cookie; writes echo the CSRF token the API gave at sign-in. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

function request(method: string, url: string, body: unknown, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
}

/** A refusal's coded JSON body as an ApiError. */
async function refusal(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as { error?: string; message?: string | string[]; details?: Record<string, unknown> } | null;
  const message = Array.isArray(payload?.message) ? payload.message.join('; ') : (payload?.message ?? response.statusText);
  return new ApiError(response.status, payload?.error ?? String(response.status), message, payload?.details);
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await request(method, url, body, 'application/json');
  if (response.status === 204) return undefined as T;
  if (!response.ok) throw await refusal(response);
  return (await response.json().catch(() => null)) as T;
}

/** A file the API makes from a posted body (a workbook), saved under the name the API gives it. */
async function download(url: string, body: unknown): Promise<string> {
  const response = await request('POST', url, body, '*/*');
  if (!response.ok) throw await refusal(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const fileName = name ? decodeURIComponent(name) : 'larder.xlsx';
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return fileName;
}

/** One line of an answer sent as it runs (POST /api/import with Accept: application/x-ndjson). */
type ProgressLine<P, T> = { progress: P } | { summary: T } | { status: number; error: string; message?: string | string[]; details?: Record<string, unknown> };

/**
 * A file sent as a multipart form (an import), with the CSRF token like every write. The API answers
 * line by line as it stores the rows: each progress goes to `onProgress`, then comes the summary, or
 * the error the import ended with (its status was sent with the first line).
 */
async function upload<P, T>(url: string, body: FormData, onProgress: (progress: P) => void): Promise<T> {
  const response = await fetch(url, { method: 'POST', body, headers: { accept: 'application/x-ndjson', 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  if (!response.ok || !response.body) throw await refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += value ?? '';
    const lines = pending.split('\n');
    pending = done ? '' : (lines.pop() ?? '');
    for (const text of lines) {
      if (text.trim() === '') continue;
      const line = JSON.parse(text) as ProgressLine<P, T>;
      if ('progress' in line) onProgress(line.progress);
      else if ('summary' in line) return line.summary;
      else throw new ApiError(line.status, line.error, Array.isArray(line.message) ? line.message.join('; ') : (line.message ?? line.error), line.details);
    }
    if (done) throw new ApiError(response.status, 'INTERNAL', 'the answer ended before the import did');
  }
}

const prefetched = new Map<string, Promise<unknown>>();

/** Starts a GET now; the next `api.get` of the same URL takes its answer instead of asking again. */
export function prefetch(url: string): void {
  const pending = send('GET', url);
  // Handled here so an answer nobody takes (the view changed) is not an unhandled rejection.
  pending.catch(() => undefined);
  prefetched.set(url, pending);
}

export const api = {
  get: <T>(url: string) => {
    const pending = prefetched.get(url);
    prefetched.delete(url);
    return (pending as Promise<T> | undefined) ?? send<T>('GET', url);
  },
  post: <T>(url: string, body?: unknown) => send<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => send<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => send<T>('PUT', url, body),
  delete: (url: string) => send<void>('DELETE', url),
  download,
  upload,
};

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
