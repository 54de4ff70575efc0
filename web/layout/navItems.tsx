import { AppstoreOutlined, BuildOutlined, SettingOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';

export type NavKey = 'apps' | 'design' | 'admin';

/** The top-level sections; Design for designers and admins, Admin only for the `admin` role. */
export function navItems(
  t: TFunction,
  roles: { isAdmin: boolean; isDesigner: boolean },
): NonNullable<MenuProps['items']> {
  const { isAdmin, isDesigner } = roles;
  const items = [{ key: 'apps', icon: <AppstoreOutlined />, label: <Link to="/apps">{t('nav.apps')}</Link> }];
  if (isDesigner || isAdmin)
    items.push({
      key: 'design',
      icon: <BuildOutlined />,
      label: <Link to="/design">{t('nav.design')}</Link>,
    });
  if (isAdmin)
    items.push({ key: 'admin', icon: <SettingOutlined />, label: <Link to="/admin">{t('nav.admin')}</Link> });
  return items;
}

export function navKeyOf(pathname: string): NavKey | undefined {
  const first = pathname.split('/')[1];
  return first === 'apps' || first === 'design' || first === 'admin' ? first : undefined;
}
