import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with optional actions on the right; wraps below on a phone. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && (
        <Flex wrap gap={8} justify="flex-end" style={{ flex: '1 1 auto' }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
