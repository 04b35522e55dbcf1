import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess } from '../providers/access';
import type { StaffPermissions } from '../providers/authProvider';
import { MENU_GROUPS, resources, type ResourceDef } from '../resources';

/** The resources a role may open from the menu, grouped by work area (empty groups dropped). */
export function menuFor(role: string | undefined, defs: ResourceDef[] = resources) {
  return MENU_GROUPS.map((group) => ({
    group,
    items: defs.filter((r) => r.group === group && (r.list || r.path) && canAccess(role, r.name, 'list')),
  })).filter((g) => g.items.length > 0);
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
        to={r.path ?? `/${r.name}`}
        primaryText={translate(`resources.${r.name}.name`, { smart_count: 2 })}
        leftIcon={<r.icon />}
      />
    )),
  ]);
  return <RaMenu>{children.filter(Boolean)}</RaMenu>;
};
