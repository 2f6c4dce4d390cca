const MIB = 1024 * 1024;

export interface MemoryPeaks {
  peakRssMib: number;
  peakHeapMib: number;
  peakExternalMib: number;
}

export function mib(bytes: number): number {
  return Math.round(bytes / MIB);
}

/**
 * Peak resident memory, JS heap and external (Buffer) memory of this process, sampled on a timer,
 * every figure in MiB (2^20 bytes) so the benchmarks' tables compare.
 */
export class MemoryWatch {
  private peakRss = 0;
  private peakHeap = 0;
  private peakExternal = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    this.sample();
    return { peakRssMib: mib(this.peakRss), peakHeapMib: mib(this.peakHeap), peakExternalMib: mib(this.peakExternal) };
  }

  private sample(): void {
    const usage = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, usage.rss);
    this.peakHeap = Math.max(this.peakHeap, usage.heapUsed);
    this.peakExternal = Math.max(this.peakExternal, usage.external);
  }
}
