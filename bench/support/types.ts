export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** the same quantity for the baseline, measured in the same run */
  baseline: number;
  /** value / baseline */
  ratio: number;
}

export interface BenchResult {
  suite: string;
  figures: BenchFigure[];
  notes?: string[];
}

export const figure = (name: string, value: number, unit: string, baseline: number): BenchFigure => ({
  name,
  value,
  unit,
  baseline,
  ratio: baseline ? value / baseline : 0,
});
