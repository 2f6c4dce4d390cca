/** What the page reports about a chart on screen, for the browser tests and for debugging (no DOM types here). */

/** The header a saved chart image carries, and its file name. */
export interface PngCaption {
  title: string;
  caption: string;
  fileName: string;
}

export interface ChartSnapshot {
  id: string;
  png: boolean;
  /** The header the saved PNG carries. */
  pngCaption: PngCaption | null;
  categories: string[];
  /** How many category labels the chart draws (null when it has no category axis). */
  labelsDrawn: number | null;
  /**
   * Each series' data, its own colour where it sets one, its shaded areas (a closed day on the covers chart: its name and the categories it
   * spans) and the segments it marks between two points (a lone forecast day's P10–P90 band: the category, from the one value to the other).
   */
  series: {
    name: string;
    type: string;
    smooth: boolean;
    color?: string;
    data: unknown[];
    markAreas: { name: string; from: string; to: string }[];
    markSegments: { from: [string, number]; to: [string, number] }[];
  }[];
}
