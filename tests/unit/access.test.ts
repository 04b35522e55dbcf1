import { describe, expect, it } from 'vitest';
import { ACTIONS, RESOURCES, STAFF_ROLES, allowedActions, canAccess, type AppAction, type AppResource, type StaffRole } from '../../src/providers/access';

const can = (role: StaffRole, resource: AppResource, ...actions: AppAction[]) =>
  actions.every((a) => canAccess(role, resource, a));
const cannot = (role: StaffRole, resource: AppResource, ...actions: AppAction[]) =>
  actions.every((a) => !canAccess(role, resource, a));

describe('canAccess: the docs/DOMAIN.md permission table', () => {
  it('refuses unknown roles, resources and actions', () => {
    expect(canAccess(undefined, 'staff', 'list')).toBe(false);
    expect(canAccess('superuser', 'staff', 'list')).toBe(false);
    expect(canAccess('admin', 'nope', 'list')).toBe(false);
    expect(canAccess('admin', 'staff', 'fly')).toBe(false);
  });

  it('lets every staff role open the dashboard', () => {
    for (const role of STAFF_ROLES) expect(canAccess(role, 'dashboard', 'list')).toBe(true);
  });

  it('staff accounts: admins manage them, others only read their own row', () => {
    expect(can('admin', 'staff', 'list', 'show', 'create', 'edit', 'activate', 'reset_password')).toBe(true);
    expect(cannot('admin', 'staff', 'delete')).toBe(true); // deactivated, never deleted
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) {
      expect(can(role, 'staff', 'show')).toBe(true);
      expect(cannot(role, 'staff', 'list', 'create', 'edit', 'delete', 'activate', 'reset_password')).toBe(true);
    }
  });

  it('audit log: readable by all (own rows via RLS), writable by nobody', () => {
    for (const role of STAFF_ROLES) {
      expect(can(role, 'audit_log', 'list', 'show', 'export')).toBe(true);
      expect(cannot(role, 'audit_log', 'create', 'edit', 'delete')).toBe(true);
    }
  });

  it('reviewers review applications, listings and promotions, delist, suspend merchants', () => {
    expect(can('reviewer', 'merchant_applications', 'list', 'review')).toBe(true);
    expect(can('reviewer', 'listings', 'review', 'delist')).toBe(true);
    expect(can('reviewer', 'promotions', 'review', 'delist')).toBe(true);
    expect(can('reviewer', 'merchants', 'list', 'suspend')).toBe(true);
    expect(cannot('reviewer', 'merchants', 'edit', 'delete')).toBe(true);
    expect(cannot('reviewer', 'members', 'ban')).toBe(true);
    for (const r of ['payments', 'statements', 'reconciliation', 'commissions', 'settlements', 'ledger', 'withdrawals', 'bank_accounts'] as const) {
      expect(canAccess('reviewer', r, 'list')).toBe(false);
    }
  });

  it('customer service works complaints and members, reads money but no withdrawals', () => {
    expect(can('customer_service', 'complaints', 'list', 'assign', 'resolve', 'edit')).toBe(true);
    expect(can('customer_service', 'members', 'ban', 'adjust')).toBe(true);
    expect(can('customer_service', 'reservations', 'verify')).toBe(true);
    expect(can('customer_service', 'payments', 'list')).toBe(true);
    expect(can('customer_service', 'commissions', 'list')).toBe(true);
    expect(cannot('customer_service', 'withdrawals', 'list')).toBe(true);
    expect(cannot('customer_service', 'bank_accounts', 'list')).toBe(true);
    expect(cannot('customer_service', 'listings', 'review', 'delist')).toBe(true);
    expect(cannot('customer_service', 'merchant_applications', 'review')).toBe(true);
  });

  it('finance runs money: review and pay withdrawals, settlements, reconciliation', () => {
    expect(can('finance', 'withdrawals', 'list', 'review', 'approve', 'pay')).toBe(true);
    expect(can('finance', 'settlements', 'run')).toBe(true);
    expect(can('finance', 'reconciliation', 'run', 'import')).toBe(true);
    expect(can('finance', 'bank_accounts', 'list', 'review')).toBe(true);
    expect(cannot('finance', 'complaints', 'resolve')).toBe(true);
    expect(cannot('finance', 'merchant_applications', 'review')).toBe(true);
  });

  it('analysts read and export everything readable, change nothing', () => {
    for (const resource of RESOURCES) {
      const actions = allowedActions('analyst', resource);
      expect(actions.every((a) => a === 'list' || a === 'show' || a === 'export'), resource).toBe(true);
    }
    expect(can('analyst', 'withdrawals', 'list', 'export')).toBe(true);
    expect(can('analyst', 'analytics', 'list')).toBe(true);
  });

  it('trades are refunded by admin, finance and customer service only (as trade_refund allows)', () => {
    for (const role of ['admin', 'finance', 'customer_service'] as const) expect(can(role, 'trades', 'refund'), role).toBe(true);
    for (const role of ['reviewer', 'analyst'] as const) expect(cannot(role, 'trades', 'refund'), role).toBe(true);
    expect(cannot('finance', 'trades', 'verify', 'edit')).toBe(true);
  });

  it('only admins edit a merchant profile (merchant_update_profile)', () => {
    expect(can('admin', 'merchants', 'edit')).toBe(true);
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) expect(cannot(role, 'merchants', 'edit'), role).toBe(true);
  });

  it('admins can do everything except edit append-only money and audit records', () => {
    const immutable: AppResource[] = ['audit_log', 'payments', 'statements', 'commissions', 'ledger', 'trades', 'settlements'];
    for (const resource of RESOURCES) {
      expect(canAccess('admin', resource, 'list'), resource).toBe(true);
      if (immutable.includes(resource)) expect(canAccess('admin', resource, 'edit'), resource).toBe(false);
    }
    expect(can('admin', 'withdrawals', 'review', 'pay', 'approve')).toBe(true);
    expect(can('admin', 'members', 'ban')).toBe(true);
  });

  it('grants only known actions', () => {
    for (const role of STAFF_ROLES)
      for (const resource of RESOURCES)
        for (const action of allowedActions(role, resource)) expect(ACTIONS).toContain(action);
  });

  it('answers for "resource.field" like its resource', () => {
    expect(canAccess('admin', 'staff.email', 'list')).toBe(true);
    expect(canAccess('reviewer', 'staff.email', 'list')).toBe(false);
  });
});
