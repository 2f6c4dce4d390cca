import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemoEnterprise } from '../demo-enterprise';
import type { DemoOptions, ResolvedDemoOptions } from '../demo-options';
import { DemoTotals, DemoTotalsAccumulator } from '../demo-totals';
import { CsvFile } from './csv-file';
import { CodeBook, FACT_FILES, LIST_SEPARATOR, MASTER_FILES } from './export-tables';

export interface DemoManifest {
  generator: '@larder/demo-data';
  formatVersion: 1;
  options: ResolvedDemoOptions;
  encoding: 'utf-8';
  timezone: 'Asia/Shanghai';
  /** Money columns are yuan with two decimals; list cells are joined with listSeparator. */
  money: 'yuan';
  listSeparator: string;
  /** Data rows per file, header excluded. */
  files: Record<string, { rows: number; columns: string[] }>;
  totals: DemoTotals;
}

/**
 * Writes the demo enterprise as the files a card system and a kitchen would export, plus manifest.json
 * to check an import against. Streams day by day, so memory stays flat whatever the history length.
 */
export async function exportDemoEnterprise(params: { options: DemoOptions; outDir: string }): Promise<DemoManifest> {
  const enterprise = generateDemoEnterprise(params.options);
  await mkdir(params.outDir, { recursive: true });
  const codes = new CodeBook(enterprise.masters);
  const files: DemoManifest['files'] = {};

  for (const master of MASTER_FILES) {
    const file = new CsvFile({ dir: params.outDir, name: master.name, columns: master.columns });
    for (const record of master.rows(enterprise.masters, codes)) file.write(record);
    await file.close();
    files[master.name] = { rows: file.rows, columns: master.columns };
  }

  const factFiles = FACT_FILES.map((fact) => ({ fact, file: new CsvFile({ dir: params.outDir, name: fact.name, columns: fact.columns }) }));
  const totals = new DemoTotalsAccumulator();
  try {
    for (const day of enterprise.days()) {
      totals.add(day);
      for (const { fact, file } of factFiles) {
        fact.rows(day, codes, (record) => file.write(record));
      }
      for (const { file } of factFiles) await file.drain();
    }
  } finally {
    await Promise.all(factFiles.map(({ file }) => file.close()));
  }
  for (const { fact, file } of factFiles) files[fact.name] = { rows: file.rows, columns: fact.columns };

  const manifest: DemoManifest = {
    generator: '@larder/demo-data',
    formatVersion: 1,
    options: enterprise.options,
    encoding: 'utf-8',
    timezone: 'Asia/Shanghai',
    money: 'yuan',
    listSeparator: LIST_SEPARATOR,
    files,
    totals: totals.result(),
  };
  await writeFile(join(params.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return manifest;
}
