import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../pages/PageHeader.tsx';

/** An admin page: a `data-testid` wrapper with the title and toolbar on top. */
export function AdminPage(props: {
  testId: string;
  title: ReactNode;
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div data-testid={props.testId}>
      <PageHeader title={props.title} extra={props.toolbar} />
      {props.children}
    </div>
  );
}

/** The toolbar's primary "create …" button. */
export function CreateButton(props: { onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={props.onClick} data-testid={props.testId}>
      {props.children}
    </Button>
  );
}

/** A toolbar search box; `onSearch` gets the trimmed text. */
export function ToolbarSearch(props: {
  placeholder: string;
  onSearch: (value: string) => void;
  maxWidth: number;
  testId?: string;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={props.placeholder}
      onSearch={(value) => props.onSearch(value.trim())}
      style={{ flex: '1 1 160px', maxWidth: props.maxWidth }}
      data-testid={props.testId}
    />
  );
}

/** A row's "delete" link behind a confirmation; with `disabledReason` it is disabled and explains why. */
export function DeleteLink(props: {
  confirmTitle: string;
  onConfirm: () => unknown;
  disabledReason?: string;
}) {
  const { t } = useTranslation();
  if (props.disabledReason) {
    return (
      <Tooltip title={props.disabledReason}>
        <Button type="link" size="small" danger disabled>
          {t('common.delete')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title={props.confirmTitle}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={props.onConfirm}
    >
      <Button type="link" size="small" danger>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
