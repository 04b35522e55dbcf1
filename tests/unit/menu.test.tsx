import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AdminContext, type AuthProvider } from 'react-admin';
import { Menu, menuFor } from '../../src/layout/Menu';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { STAFF_ROLES, canAccess, type StaffRole } from '../../src/providers/access';
import { RESOURCE_MANIFESTS } from '../../src/features';

const authFor = (role: StaffRole): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => ({ role, regionCodes: [], staffId: 'x' }),
  getIdentity: async () => ({ id: 'x', fullName: 'x' }),
  canAccess: async () => true,
});

const renderMenu = (role: StaffRole) =>
  render(
    <AdminContext authProvider={authFor(role)} i18nProvider={i18nProvider}>
      <Menu />
    </AdminContext>,
  );

describe('Menu', () => {
  it('shows an admin the dashboard, staff and the audit log, grouped', async () => {
    renderMenu('admin');
    expect(await screen.findByText('员工')).toBeInTheDocument();
    expect(screen.getByText('工作台', { selector: 'li' })).toBeInTheDocument();
    expect(screen.getByText('操作日志')).toBeInTheDocument();
    expect(screen.getByText('系统管理')).toBeInTheDocument();
  });

  it.each(STAFF_ROLES.filter((r) => r !== 'admin'))('hides staff management from %s', async (role) => {
    renderMenu(role);
    expect(await screen.findByText('操作日志')).toBeInTheDocument();
    expect(screen.queryByText('员工')).not.toBeInTheDocument();
  });

  it('computes entries from the permission table', () => {
    const names = (role: StaffRole) => menuFor(role).flatMap((g) => g.items.map((i) => i.name));
    // features register more resources over time: check the rule, not a fixed list
    for (const role of STAFF_ROLES) {
      const entries = names(role);
      expect(entries[0]).toBe('dashboard');
      expect(entries).toContain('audit_log');
      for (const name of entries) expect(canAccess(role, name, 'list'), `${role} ${name}`).toBe(true);
      const hidden = RESOURCE_MANIFESTS.filter((r) => r.menu && !canAccess(role, r.name, 'list')).map((r) => r.name);
      for (const name of hidden) expect(entries).not.toContain(name);
    }
    expect(names('admin')).toContain('staff');
    expect(names('reviewer')).not.toContain('staff');
    expect(menuFor(undefined)).toEqual([]);
  });
});
