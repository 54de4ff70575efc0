/**
 * The type of an upload from its first bytes (magic numbers), never from its name or the
 * client's Content-Type. Unknown binary content is refused; SVG and HTML are never accepted.
 */
const SIGNATURES: { type: string; bytes: number[]; offset?: number }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

const OFFICE_BY_EXTENSION: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Types shown inline (image previews); everything else is served as a download. */
export const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

export function sniffType(data: Buffer, name: string): string | null {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (
      data.length >= offset + signature.bytes.length &&
      signature.bytes.every((b, i) => data[offset + i] === b)
    ) {
      if (signature.type === 'application/zip') {
        const extension = name.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? '';
        return OFFICE_BY_EXTENSION[extension] ?? 'application/zip';
      }
      return signature.type;
    }
  }
  if (
    data.length >= 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return isPlainText(data) ? 'text/plain' : null;
}

/** UTF-8 text without NUL bytes that does not open like markup (SVG / HTML stay out). */
function isPlainText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  const text = data.subarray(0, 4096).toString('utf8');
  if (text.includes('\uFFFD')) return false;
  return !/^\s*</.test(text);
}
