import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { message } from '../messages.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** Only PNG data URLs are shown, so a stored value can never become a `javascript:` URL. */
export const isPngDataUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(value);

/**
 * A signature drawn with signature_pad. Stored as a PNG data URL string; when the app can upload
 * files (`services.uploadFile`), the PNG is uploaded once the stroke ends and the field keeps the
 * blob id instead, which is what the server's schema accepts (an id of at most 128 characters).
 */
export function SignatureWidget({ id, value, onChange, isReadOnly, hasError }: WidgetProps) {
  const { locale, services } = useRenderer();
  const shown = isPngDataUrl(value)
    ? value
    : typeof value === 'string' && value && services.fileUrl
      ? services.fileUrl(value)
      : null;
  const uploadRef = useRef(services.uploadFile);
  useEffect(() => {
    uploadRef.current = services.uploadFile;
  });
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (isReadOnly || !canvas.current) return;
    const element = canvas.current;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const instance = new SignaturePad(element);
    pad.current = instance;
    const commit = () => {
      if (instance.isEmpty()) {
        onChangeRef.current(null);
        return;
      }
      const dataUrl = instance.toDataURL('image/png');
      const upload = uploadRef.current;
      if (!upload) {
        onChangeRef.current(dataUrl);
        return;
      }
      // decoded here rather than fetch(dataUrl): the CSP allows no data: connections
      const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      void upload(new File([bytes], 'signature.png', { type: 'image/png' }))
        .then((stored) => onChangeRef.current(stored.id))
        .catch(() => onChangeRef.current(dataUrl));
    };
    instance.addEventListener('endStroke', commit);
    return () => {
      instance.removeEventListener('endStroke', commit);
      instance.off();
      pad.current = null;
    };
  }, [isReadOnly]);

  if (isReadOnly) {
    return shown ? (
      <img id={id} src={shown} alt={message(locale, 'signed')} style={{ maxWidth: 320, maxHeight: 120 }} />
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  return (
    <Flex vertical gap={6} id={id}>
      {shown && !pad.current?.toData().length && (
        <img src={shown} alt={message(locale, 'signed')} style={{ maxWidth: 320, maxHeight: 120 }} />
      )}
      <canvas
        ref={canvas}
        aria-label={message(locale, 'signHere')}
        style={{
          width: '100%',
          maxWidth: 480,
          height: 160,
          border: `1px ${hasError ? 'solid #ff4d4f' : 'dashed #d9d9d9'}`,
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <Button
        size="small"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          pad.current?.clear();
          onChange(null);
        }}
      >
        {message(locale, 'clear')}
      </Button>
    </Flex>
  );
}
