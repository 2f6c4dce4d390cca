/**
 * The key each of a file's columns is kept under in a quarantined row (`quarantine_row.raw`), by
 * position: its header; `column3` for a column without one; a header the file repeats numbered from
 * its second time (`菜品 (2)`). The guard that writes a row and the refused-rows CSV that reads it
 * back both take it from here, so each value returns under its own column, however the file names them.
 */
export function quarantineKeys(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const name = columnName(header, index);
    let key = name;
    for (let time = 2; taken.has(key); time++) key = `${name} (${time})`;
    taken.add(key);
    return key;
  });
}

/** A column's name as Larder reports it: its header, or `column3` for the third when it has none. */
export function columnName(header: string, index: number): string {
  return header || `column${index + 1}`;
}
