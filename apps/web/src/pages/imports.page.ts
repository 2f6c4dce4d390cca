import { api, ApiError } from '../api';
import { errorNotice, say } from '../admin-widgets';
import { h } from '../dom';
import type { Lang, Translate } from '../i18n';
import type { PageContext } from '../page-context';
import { filePicker } from '../widgets';
import { bilingualPart } from '../../../../libs/common/src/bilingual';
import { IMPORT_KINDS, type ImportKind } from '../../../../libs/ingestion/src/import/profiles/import-kinds';

/** The answer of POST /api/import/:kind (libs/ingestion importSummaryJson): reasons are bilingual, "line N: 中文（English）". */
interface ImportAnswer {
  batchId: string;
  kind: ImportKind;
  profile: string;
  fileName: string;
  accepted: number;
  rejected: number;
  duplicates: number;
  flagged: number;
  notes: string[];
  rejections: string[];
  flags: string[];
}

/** A rejection as the API words it, in the page's language: its line, then its reason. */
export function rejectionIn(text: string, lang: Lang): { line: number | null; reason: string } {
  const match = /^line (\d+): ([\s\S]*)$/.exec(text);
  return match ? { line: Number(match[1]), reason: bilingualPart(match[2], lang) } : { line: null, reason: bilingualPart(text, lang) };
}

/** How far an import has come (libs/ingestion ImportProgress): rows stored, of about how many its lines promise. */
interface ImportProgress {
  records: number;
  estimate: number | null;
}

function upload(kind: string, file: File, onProgress: (progress: ImportProgress) => void): Promise<ImportAnswer> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.upload<ImportProgress, ImportAnswer>(`/api/import/${kind}`, body, onProgress);
}

/** The running import's line: rows stored, and of about how many when the file's lines tell. */
export function progressText(context: Pick<PageContext, 't' | 'f'>, name: string, progress: ImportProgress): string {
  const { t, f } = context;
  const records = f.number(progress.records);
  // the estimate counts lines: past it (values spanning lines), only the rows stored are said
  if (!progress.estimate || progress.records > progress.estimate) return t('import.progress', { name, records });
  const share = f.pct(Math.min(0.99, progress.records / progress.estimate), 0);
  return t('import.progressOf', { name, records, estimate: f.number(progress.estimate), share });
}

/** The file-level refusal in the page's language: the importer's own words (file, column, what to write) when it gave them. */
function refusal(t: Translate, lang: Lang, error: unknown): HTMLElement {
  if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.code === 'UNSUPPORTED_FORMAT' || error.code === 'NOT_FOUND') && /[（）]/.test(error.message)) {
    return h('span', { 'data-error': error.code }, `${t('import.refused')} ${bilingualPart(error.message, lang)}`);
  }
  return errorNotice(t, error);
}

function summary(context: PageContext, answer: ImportAnswer): HTMLElement {
  const { t, f, lang } = context;
  const kind = t(`importKind.${answer.kind}` as Parameters<Translate>[0]);
  // in the file's order: the importer finds a payment's faults after the reader's (a total row)
  const inOrder = (texts: string[]) => texts.map((text) => rejectionIn(text, lang)).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const rejections = inOrder(answer.rejections);
  const flags = inOrder(answer.flags);
  const lines = (table: string, rows: { line: number | null; reason: string }[]) =>
    h(
      'table',
      { class: 'table', 'data-table': table },
      h('thead', {}, h('tr', {}, h('th', {}, t('import.lineHeader')), h('th', {}, t('import.reason')))),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, h('td', {}, row.line === null ? '–' : t('import.line', { line: row.line })), h('td', {}, row.reason)))),
    );
  const counts: [string, number, string][] = [
    [t('import.accepted'), answer.accepted, 'accepted'],
    [t('import.rejected'), answer.rejected, 'rejected'],
    [t('import.duplicates'), answer.duplicates, 'duplicates'],
    ...(answer.flagged > 0 ? [[t('import.flagged'), answer.flagged, 'flagged'] as [string, number, string]] : []),
  ];
  return h(
    'section',
    { class: 'card', 'data-import-result': answer.batchId },
    h('h3', {}, t('import.summary', { name: answer.fileName, kind, profile: answer.profile })),
    h(
      'table',
      { class: 'table', 'data-table': 'import-counts' },
      h('thead', {}, h('tr', {}, ...counts.map(([label]) => h('th', { class: 'num' }, label)))),
      h('tbody', {}, h('tr', {}, ...counts.map(([, value, key]) => h('td', { class: 'num', 'data-count': key }, f.number(value))))),
    ),
    ...answer.notes.map((note) => h('p', { class: 'muted small', 'data-note': '' }, bilingualPart(note, lang))),
    h('p', { class: 'muted small' }, `${t('import.batch')} ${answer.batchId}`),
    ...(answer.rejected === 0 ? [] : [h('h4', {}, t('import.firstRejections', { shown: rejections.length, total: answer.rejected })), lines('import-rejections', rejections)]),
    ...(answer.flagged === 0 ? [] : [h('h4', {}, t('import.firstFlags', { shown: flags.length, total: answer.flagged })), lines('import-flags', flags)]),
    ...(answer.rejected === 0 && answer.flagged === 0
      ? []
      : [h('p', {}, h('a', { href: `/api/import/batches/${answer.batchId}/rejected`, download: '', 'data-action': 'download-rejected' }, t('import.downloadRejected')))]),
  );
}

/** Admins import a customer's files from the browser: the same upload, checks and batches as `larder import` and POST /api/import. */
export async function renderImports(context: PageContext): Promise<void> {
  const { t, lang, root } = context;
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.txt,.tsv,.xlsx,.json,.ndjson,.arrow', required: true });
  const kind = h(
    'select',
    { name: 'kind' },
    h('option', { value: 'auto' }, t('import.kind.auto')),
    ...IMPORT_KINDS.map((value) => h('option', { value }, t(`importKind.${value}` as Parameters<Translate>[0]))),
  );
  const message = h('p', { class: 'form-message', role: 'alert', 'data-message': 'import' });
  const results = h('div', { 'data-slot': 'import-results' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('import.submit'));
  const form = h(
    'form',
    { class: 'card admin-form', 'data-form': 'import' },
    h('h3', {}, t('page.imports')),
    h('p', { class: 'muted small' }, t('import.howTo')),
    h(
      'div',
      { class: 'row' },
      h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('import.file')), filePicker(file, { choose: t('chooseFile'), none: t('noFileChosen') })),
      h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('import.kind')), kind),
      submit,
    ),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    void (async () => {
      submit.disabled = true;
      say(message, t('import.running', { name: chosen.name }));
      try {
        const answer = await upload(kind.value, chosen, (progress) => say(message, progressText(context, chosen.name, progress)));
        say(message, null);
        results.prepend(summary(context, answer));
      } catch (error) {
        say(message, refusal(t, lang, error));
      } finally {
        submit.disabled = false;
      }
    })();
  });
  root.append(form, results);
}
