/**
 * A formula that cannot be parsed. `position` is the 0-based UTF-16 offset into
 * the original text (a leading `=` counts), and the message ends with it:
 * `expected ")" at 14`.
 */
export class FormulaSyntaxError extends Error {
  readonly position: number;

  constructor(reason: string, position: number) {
    super(`${reason} at ${position}`);
    this.name = 'FormulaSyntaxError';
    this.position = position;
  }
}
