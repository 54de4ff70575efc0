import type { JobProgress, Phase } from './job-types.ts';

/** Progress with an ETA from the rate so far; `report` says when it is worth writing (at most every `everyMs`). */
export function createProgress(phase: Phase, total: number | null, everyMs = 500) {
  const started = Date.now();
  let lastWrite = 0;
  let processed = 0;
  let fraction = 0;
  const snapshot = (): JobProgress => {
    const elapsed = (Date.now() - started) / 1000;
    const eta =
      fraction > 0.01 && fraction < 1
        ? Math.round((elapsed * (1 - fraction)) / fraction)
        : fraction >= 1
          ? 0
          : null;
    return {
      phase,
      processed,
      total,
      fraction: Math.round(fraction * 1000) / 1000,
      startedAt: new Date(started).toISOString(),
      etaSeconds: eta,
    };
  };
  return {
    update(input: { processed: number; fraction?: number }): JobProgress | null {
      processed = input.processed;
      fraction = input.fraction ?? (total ? Math.min(processed / total, 1) : fraction);
      const now = Date.now();
      if (now - lastWrite < everyMs) return null;
      lastWrite = now;
      return snapshot();
    },
    done(): JobProgress {
      fraction = 1;
      return snapshot();
    },
    get elapsedMs() {
      return Date.now() - started;
    },
  };
}
