import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, type FieldError } from '../errors/index.ts';
import { pickLocale, type Locale } from './locale.ts';

/** RFC 9457 problem document as Formwork answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<string, Record<Locale, string>> = {
  'bad-request': { en: 'Bad request', 'zh-CN': '请求无效' },
  unauthorized: { en: 'Sign-in required', 'zh-CN': '需要登录' },
  forbidden: { en: 'Not allowed', 'zh-CN': '没有权限' },
  'not-found': { en: 'Not found', 'zh-CN': '未找到' },
  'version-conflict': { en: 'Changed by someone else', 'zh-CN': '数据已被他人修改' },
  conflict: { en: 'Conflict', 'zh-CN': '冲突' },
  'payload-too-large': { en: 'Request body too large', 'zh-CN': '请求内容过大' },
  'unsupported-media-type': { en: 'Unsupported content type', 'zh-CN': '不支持的内容类型' },
  'validation-failed': { en: 'Validation failed', 'zh-CN': '校验未通过' },
  'unreadable-workbook': { en: 'Workbook cannot be read', 'zh-CN': '无法读取该工作簿' },
  'too-many-requests': { en: 'Too many requests', 'zh-CN': '请求过于频繁' },
  'internal-error': { en: 'Internal server error', 'zh-CN': '服务器内部错误' },
};

export const problemType = (code: string): string => `https://formwork.dev/problems/${code}`;

export function toProblem(err: AppError, locale: Locale): Problem {
  const problem: Problem = {
    ...err.extra,
    type: problemType(err.code),
    title: TITLES[err.code]?.[locale] ?? err.code,
    status: err.status,
    detail: err.message,
  };
  if ('errors' in err && Array.isArray(err.errors)) problem.errors = err.errors as FieldError[];
  return problem;
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Express errors that body-parser and friends raise, by their `type`. */
function fromFrameworkError(
  err: { type?: string; status?: number; message?: string },
  locale: Locale,
): Problem | null {
  const make = (status: number, code: string, detail: string): Problem => ({
    type: problemType(code),
    title: TITLES[code][locale],
    status,
    detail,
  });
  switch (err.type) {
    case 'entity.parse.failed':
      return make(400, 'bad-request', `Malformed JSON body: ${err.message ?? ''}`.trim());
    case 'entity.too.large':
      return make(413, 'payload-too-large', err.message ?? 'Request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return make(415, 'unsupported-media-type', err.message ?? 'Unsupported encoding');
    default:
      return null;
  }
}

/** The one place where errors become HTTP responses. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const locale = pickLocale(req.headers['accept-language']);
    if (err instanceof AppError) {
      if (err.status >= 500) logger.error({ err }, 'request failed');
      return sendProblem(res, toProblem(err, locale));
    }
    const framework = fromFrameworkError(err ?? {}, locale);
    if (framework) return sendProblem(res, framework);
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    sendProblem(res, {
      type: problemType('internal-error'),
      title: TITLES['internal-error'][locale],
      status: 500,
      detail:
        locale === 'zh-CN' ? '请稍后重试；错误已记录。' : 'Please try again later; the error was logged.',
    });
  };
}
