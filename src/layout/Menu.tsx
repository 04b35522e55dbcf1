import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess } from '../providers/access';
import type { StaffPermissions } from '../providers/authProvider';
import { MENU_GROUPS, type MenuEntry, type ResourceManifest } from '../common/feature';
import { RESOURCE_MANIFESTS } from '../features';

type MenuItem = ResourceManifest & { menu: MenuEntry };

/** The resources a role may open from the menu, grouped by work area (empty groups dropped). */
export function menuFor(role: string | undefined, resources: readonly ResourceManifest[] = RESOURCE_MANIFESTS) {
  const items = resources.filter((r): r is MenuItem => !!r.menu && !!(r.screens?.list || r.menu.path) && canAccess(role, r.name, 'list'));
  return MENU_GROUPS.map((group) => ({ group, items: items.filter((r) => r.menu.group === group) })).filter((g) => g.items.length > 0);
}

export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<StaffPermissions>();
  const groups = menuFor(permissions?.role);
  // MUI's MenuList wants a flat array of children (no Fragments).
  const children = groups.flatMap(({ group, items }, index) => [
    open ? (
      <ListSubheader key={`h-${group}`} disableSticky sx={{ lineHeight: '32px', mt: index > 0 ? 1 : 0, bgcolor: 'transparent' }}>
        {translate(`menu.groups.${group}`)}
      </ListSubheader>
    ) : index > 0 ? (
      <Divider key={`d-${group}`} />
    ) : null,
    ...items.map((r) => (
      <RaMenu.Item
        key={r.name}
        to={r.menu.path ?? `/${r.name}`}
        primaryText={translate(`resources.${r.name}.name`, { smart_count: 2 })}
        leftIcon={<r.menu.icon />}
      />
    )),
  ]);
  return <RaMenu>{children.filter(Boolean)}</RaMenu>;
};
