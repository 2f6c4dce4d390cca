/**
 * RFC 6266 with RFC 5987: the name in UTF-8 as `filename*`, and an ASCII fallback without quotes,
 * backslashes or control characters for clients that ignore it. A canteen code such as 食堂六 or
 * one holding a quote can no longer break the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
