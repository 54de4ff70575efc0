import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../api/org.ts';
import type { User } from '../api/types.ts';
import { useDirectory } from './Directory.tsx';

interface UserPickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** Picks one user by id; searches the server by name as the user types. */
export function UserPicker({ value, onChange, placeholder, style, ...rest }: UserPickerProps) {
  const { t } = useTranslation();
  const { users, rememberUsers, userLabel } = useDirectory();
  const [found, setFound] = useState<User[] | null>(null);
  const [isSearching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const handleSearch = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) {
      setFound(null);
      return;
    }
    timer.current = setTimeout(() => {
      setSearching(true);
      listUsers({ q: q.trim(), limit: 20 })
        .then((page) => {
          rememberUsers(page.items);
          setFound(page.items);
        })
        .catch(() => setFound([]))
        .finally(() => setSearching(false));
    }, 250);
  };

  const options = useMemo(() => {
    const shown = found ?? [...users.values()].slice(0, 50);
    const list = shown.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
    if (value && !list.some((o) => o.value === value))
      list.unshift({ value, label: userLabel(value) ?? value });
    return list;
  }, [found, users, value, userLabel]);

  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      placeholder={placeholder ?? t('common.searchUser')}
      showSearch={{ filterOption: false, onSearch: handleSearch }}
      loading={isSearching}
      notFoundContent={t('common.noMatch')}
      style={style}
      data-testid={rest['data-testid']}
      onOpenChange={(isOpen) => !isOpen && setFound(null)}
    />
  );
}
