/**
 * Typed errors of the platform. Each maps to one problem+json `type`; the HTTP
 * mapping lives in server/http/problem.ts and nowhere else.
 */
export interface FieldError {
  /** JSON-pointer-like path without the leading slash, e.g. `items/3/qty`. */
  path: string;
  code: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Stable machine-readable slug, becomes `/problems/<code>` in problem+json. */
  abstract readonly code: string;
  /** Extra members merged into the problem document. */
  readonly extra: Record<string, unknown>;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extra = extra;
  }
}

export class BadRequest extends AppError {
  readonly status = 400;
  readonly code = 'bad-request';
}

export class Unauthorized extends AppError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class Forbidden extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class NotFound extends AppError {
  readonly status = 404;
  readonly code = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`, { resource: what, id });
  }
}

export class VersionConflict extends AppError {
  readonly status = 409;
  readonly code = 'version-conflict';
  constructor(what: string, id: string, expected: number, actual?: number) {
    super(
      `${what} ${id} was changed by someone else (expected version ${expected}${actual === undefined ? '' : `, now ${actual}`})`,
      {
        resource: what,
        id,
        expectedVersion: expected,
        ...(actual === undefined ? {} : { currentVersion: actual }),
      },
    );
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
}

export class PayloadTooLarge extends AppError {
  readonly status = 413;
  readonly code = 'payload-too-large';
}

export class UnsupportedMediaType extends AppError {
  readonly status = 415;
  readonly code = 'unsupported-media-type';
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = 'validation-failed';
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[]) {
    super(message);
    this.errors = errors;
  }
}

export class TooManyRequests extends AppError {
  readonly status = 429;
  readonly code = 'too-many-requests';
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
