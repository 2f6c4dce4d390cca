/** The real datasets the benchmark knows, by the short id of the runner's --datasets flag. */
import { join } from 'node:path';
import { loadKielBakery } from './kiel-bakery.loader';
import { loadLhCafeteria } from './lh-cafeteria.loader';
import { loadLondonTakeaway } from './london-takeaway.loader';
import { RealDataset } from './real-dataset';
import { loadRecruitRestaurants } from './recruit-restaurants.loader';
import { loadZhawMensa } from './zhaw-mensa.loader';

export const DATASETS: Readonly<Record<string, { readonly folder: string; readonly holdout: boolean; readonly load: (folder: string) => RealDataset }>> = {
  lh: { folder: 'lh-cafeteria', holdout: false, load: loadLhCafeteria },
  kiel: { folder: 'kiel-bakery', holdout: false, load: loadKielBakery },
  recruit: { folder: 'recruit-restaurants', holdout: false, load: loadRecruitRestaurants },
  london: { folder: 'london-takeaway', holdout: false, load: loadLondonTakeaway },
  zhaw: { folder: 'zhaw-mensa', holdout: true, load: loadZhawMensa },
};

/** Where the datasets live unless --data says otherwise: the shared, read-only folder beside the project. */
export const DEFAULT_DATA_ROOT = '/work/shared/datasets';

export function loadDataset(id: string, root: string): RealDataset {
  const entry = DATASETS[id];
  if (!entry) throw new Error(`unknown dataset "${id}" (known: ${Object.keys(DATASETS).join(', ')})`);
  return entry.load(join(root, entry.folder));
}

/** `lh,kiel` → ids, refusing unknown ones. */
export function datasetIds(list: string): string[] {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of ids) if (!DATASETS[id]) throw new Error(`unknown dataset "${id}" (known: ${Object.keys(DATASETS).join(', ')})`);
  return ids;
}
