/** A tiny named-step runner: each step runs once, in order; after a failure the rest are skipped. */

export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: unknown;
}

export class StepRunner {
  readonly results: StepResult[] = [];
  private hasFailed = false;

  async step(name: string, fn: () => Promise<void>): Promise<void> {
    if (this.hasFailed) {
      this.results.push({ name, status: 'skipped', ms: 0 });
      log(`- ${name} (skipped)`);
      return;
    }
    const started = Date.now();
    try {
      await fn();
      const ms = Date.now() - started;
      this.results.push({ name, status: 'passed', ms });
      log(`✓ ${name} (${ms} ms)`);
    } catch (error) {
      const ms = Date.now() - started;
      this.hasFailed = true;
      this.results.push({ name, status: 'failed', ms, error });
      log(
        `✗ ${name} (${ms} ms)\n${indent(error instanceof Error ? (error.stack ?? error.message) : String(error))}`,
      );
    }
  }

  get isFailed(): boolean {
    return this.hasFailed;
  }

  /** `N passed, M failed` (skipped steps count as failed: they did not prove anything). */
  summary(): string {
    const passed = this.results.filter((r) => r.status === 'passed').length;
    const failed = this.results.length - passed;
    return `${passed} passed, ${failed} failed`;
  }
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
