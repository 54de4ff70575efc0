import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { message } from '../messages.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** Only PNG data URLs are shown, so a stored value can never become a `javascript:` URL. */
export const isPngDataUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(value);

/** A signature drawn with signature_pad, stored as a PNG data URL string. */
export function SignatureWidget({ id, value, onChange, isReadOnly, hasError }: WidgetProps) {
  const { locale } = useRenderer();
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
    const commit = () => onChangeRef.current(instance.isEmpty() ? null : instance.toDataURL('image/png'));
    instance.addEventListener('endStroke', commit);
    return () => {
      instance.removeEventListener('endStroke', commit);
      instance.off();
      pad.current = null;
    };
  }, [isReadOnly]);

  if (isReadOnly) {
    return isPngDataUrl(value) ? (
      <img id={id} src={value} alt={message(locale, 'signed')} style={{ maxWidth: 320, maxHeight: 120 }} />
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  return (
    <Flex vertical gap={6} id={id}>
      {isPngDataUrl(value) && !pad.current?.toData().length && (
        <img src={value} alt={message(locale, 'signed')} style={{ maxWidth: 320, maxHeight: 120 }} />
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
