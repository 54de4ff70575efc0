/**
 * Why a workbook was refused. One error type with a stable `reason` that the problem
 * document carries, so clients (and tests) can tell a zip bomb from a wrong file type.
 */
import { AppError } from '../../errors/index.ts';

export type RejectReason =
  | 'file-too-large'
  | 'not-a-spreadsheet'
  | 'zip-bomb'
  | 'damaged'
  | 'encrypted'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-slow'
  | 'too-much-memory'
  | 'no-file'
  | 'sheet-not-found'
  | 'empty-template'
  | 'unsafe-header-name';

const STATUS: Record<RejectReason, number> = {
  'file-too-large': 413,
  'not-a-spreadsheet': 415,
  'no-file': 400,
  'zip-bomb': 422,
  damaged: 422,
  encrypted: 422,
  'too-many-rows': 422,
  'too-many-columns': 422,
  'too-slow': 422,
  'too-much-memory': 422,
  'sheet-not-found': 422,
  'empty-template': 422,
  'unsafe-header-name': 422,
};

const CODE: Record<number, string> = {
  400: 'bad-request',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unreadable-workbook',
};

export class WorkbookRejected extends AppError {
  readonly status: number;
  readonly code: string;
  readonly reason: RejectReason;

  constructor(reason: RejectReason, message: string, extra: Record<string, unknown> = {}) {
    super(message, { reason, ...extra });
    this.reason = reason;
    this.status = STATUS[reason];
    this.code = CODE[this.status];
  }
}

/** Header or label cells named `__proto__`, `constructor`, `$where`…: refused, naming the cells. */
export function unsafeHeaderNames(cells: string[]): WorkbookRejected {
  return new WorkbookRejected(
    'unsafe-header-name',
    `${cells.join(', ')}: __proto__, constructor, prototype and names starting with $ are reserved; rename these cells and upload again`,
    { cells },
  );
}
