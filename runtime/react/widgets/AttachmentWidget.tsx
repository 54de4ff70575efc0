import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { message } from '../messages.ts';
import type { AttachmentValue, WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** Only these get an inline preview; never SVG (scriptable) and never a non-http(s) URL. */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

export function isPreviewable(file: AttachmentValue, url: string): boolean {
  return PREVIEW_TYPES.has(file.type) && /^(\/(?!\/)|https?:\/\/)/i.test(url);
}

const filesOf = (value: unknown): AttachmentValue[] =>
  Array.isArray(value)
    ? value.filter(
        (v): v is AttachmentValue =>
          !!v && typeof v === 'object' && typeof (v as AttachmentValue).id === 'string',
      )
    : [];

/**
 * Upload UI: size and count are checked here for a quick answer; the server checks size and type
 * again by content. Without `services.uploadFile` (no blob store yet) the button is disabled.
 */
export function AttachmentWidget({ id, field, value, onChange, isReadOnly }: WidgetProps) {
  const { locale, services } = useRenderer();
  const files = filesOf(value);
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  const maxCount = ('maxCount' in field && field.maxCount) || 9;
  const maxSizeMb = 'maxSizeMb' in field ? field.maxSizeMb : undefined;
  const accept = 'accept' in field && field.accept ? field.accept.join(',') : undefined;
  const canUpload = !!services.uploadFile && !isReadOnly && files.length < maxCount;

  const upload = async (list: FileList | null) => {
    if (!list || !services.uploadFile) return;
    setProblem(null);
    const chosen = [...list];
    if (files.length + chosen.length > maxCount) {
      setProblem(message(locale, 'tooMany', { limit: maxCount }));
      return;
    }
    const tooLarge = chosen.find((file) => maxSizeMb !== undefined && file.size > maxSizeMb * 1024 * 1024);
    if (tooLarge) {
      setProblem(message(locale, 'tooLarge', { name: tooLarge.name, limit: maxSizeMb! }));
      return;
    }
    setUploading(true);
    try {
      const uploaded: AttachmentValue[] = [];
      for (const file of chosen) uploaded.push(await services.uploadFile(file));
      onChange([...files, ...uploaded]);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={6} id={id}>
      {!isReadOnly && (
        <Tooltip title={services.uploadFile ? undefined : message(locale, 'uploadUnavailable')}>
          <span style={{ alignSelf: 'flex-start' }}>
            <Button
              icon={<UploadOutlined />}
              disabled={!canUpload}
              loading={isUploading}
              onClick={() => input.current?.click()}
            >
              {message(locale, 'upload')}
            </Button>
          </span>
        </Tooltip>
      )}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={accept}
        onChange={(e) => void upload(e.target.files)}
      />
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {files.map((file) => {
        const url = services.fileUrl?.(file.id) ?? '';
        return (
          <Flex key={file.id} align="center" gap={8}>
            {url && isPreviewable(file, url) ? (
              <img src={url} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ) : (
              <PaperClipOutlined />
            )}
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {file.name}
            </Typography.Text>
            <Typography.Text type="secondary">{Math.ceil(file.size / 1024)} KB</Typography.Text>
            {!isReadOnly && (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={message(locale, 'deleteRow')}
                onClick={() => onChange(files.filter((f) => f.id !== file.id))}
              />
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
