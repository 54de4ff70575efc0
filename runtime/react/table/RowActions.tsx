import {
  CopyOutlined,
  DeleteOutlined,
  MoreOutlined,
  VerticalAlignBottomOutlined,
  VerticalAlignTopOutlined,
} from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { message } from '../messages.ts';
import { useSessionStore } from '../hooks.ts';
import { useRenderer } from '../widgets/types.ts';

/** Insert above / below, duplicate, delete — one menu per row. */
export function RowActions({
  table,
  row,
  canAdd,
  canRemove,
}: {
  table: string;
  row: number;
  canAdd: boolean;
  canRemove: boolean;
}) {
  const store = useSessionStore();
  const { locale } = useRenderer();
  const items: MenuProps['items'] = [
    {
      key: 'above',
      icon: <VerticalAlignTopOutlined />,
      label: message(locale, 'insertAbove'),
      disabled: !canAdd,
    },
    {
      key: 'below',
      icon: <VerticalAlignBottomOutlined />,
      label: message(locale, 'insertBelow'),
      disabled: !canAdd,
    },
    { key: 'duplicate', icon: <CopyOutlined />, label: message(locale, 'duplicateRow'), disabled: !canAdd },
    { type: 'divider' },
    {
      key: 'delete',
      icon: <DeleteOutlined />,
      label: message(locale, 'deleteRow'),
      danger: true,
      disabled: !canRemove,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'above') store.insertRow(table, row);
    else if (key === 'below') store.insertRow(table, row + 1);
    else if (key === 'duplicate') store.duplicateRow(table, row);
    else if (key === 'delete') store.removeRow(table, row);
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={message(locale, 'rowActions')}
        data-testid={`row-actions-${table}-${row}`}
      />
    </Dropdown>
  );
}
