/** Every command prints either a human summary or, with --json, one JSON object on stdout. */
export function printResult(options: { json?: boolean }, result: object, human: () => string): void {
  process.stdout.write(options.json ? JSON.stringify(result) + '\n' : human() + '\n');
}

export function parseInteger(name: string, range: { min?: number } = {}) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
    if (range.min !== undefined && Number(value) < range.min) throw new Error(`${name} must be at least ${range.min}, got ${value}`);
    return Number(value);
  };
}
