import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { AdminContext, testDataProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { emptyTree, setLoading, toggle, visibleRows, withBranch, type DownlineMember } from '../../src/members/downline';
import { DownlineTree } from '../../src/members/DownlineTree';
import { i18nProvider } from '../../src/i18n/i18nProvider';

const m = (id: string, children = 0): DownlineMember => ({ id, nickname: `会员${id}`, direct_downline_count: children });

describe('downline tree state', () => {
  it('shows direct referrals at level 1 and expanded children below their parent', () => {
    let t = withBranch(emptyTree(), 'root', [m('a', 2), m('b')], 2);
    expect(visibleRows(t, 'root').map((r) => (r.type === 'member' ? `${r.level}:${r.member.id}` : 'more'))).toEqual(['1:a', '1:b']);
    const opened = toggle(t, 'a');
    expect(opened.load).toBe(true); // children not loaded yet
    t = withBranch(opened.state, 'a', [m('a1', 1), m('a2')], 2);
    const rows = visibleRows(t, 'root');
    expect(rows.map((r) => (r.type === 'member' ? `${r.level}:${r.member.id}` : 'more'))).toEqual(['1:a', '2:a1', '2:a2', '1:b']);
    expect(rows[0]).toMatchObject({ expandable: true, expanded: true });
    expect(rows[3]).toMatchObject({ expandable: false, expanded: false });
  });

  it('collapses without reloading and re-expands from the cache', () => {
    let t = withBranch(emptyTree(), 'root', [m('a', 1)], 1);
    t = withBranch(toggle(t, 'a').state, 'a', [m('a1')], 1);
    const closed = toggle(t, 'a');
    expect(closed.load).toBe(false);
    expect(visibleRows(closed.state, 'root')).toHaveLength(1);
    const reopened = toggle(closed.state, 'a');
    expect(reopened.load).toBe(false);
    expect(visibleRows(reopened.state, 'root')).toHaveLength(2);
  });

  it('offers "more" when a level has more referrals than loaded, and appends the next page without duplicates', () => {
    let t = withBranch(emptyTree(), 'root', [m('a'), m('b')], 3);
    const last = visibleRows(t, 'root').at(-1);
    expect(last).toEqual({ type: 'more', parentId: 'root', level: 1, loaded: 2, total: 3 });
    t = withBranch(t, 'root', [m('b'), m('c')], 3, true);
    expect(visibleRows(t, 'root').map((r) => r.type)).toEqual(['member', 'member', 'member']);
  });

  it('tracks loading per node', () => {
    const t = setLoading(withBranch(emptyTree(), 'root', [m('a', 1)], 1), 'a', true);
    expect(visibleRows(t, 'root')[0]).toMatchObject({ loading: true });
    expect(setLoading(t, 'a', false).loading).toEqual([]);
  });
});

describe('<DownlineTree>', () => {
  it('loads direct referrals, the level summary, and a deeper level on expand', async () => {
    const calls: unknown[] = [];
    const dataProvider = {
      ...testDataProvider(),
      getList: async (_resource: string, params: { filter: { upline_id: string } }) => {
        calls.push(params.filter);
        const data =
          params.filter.upline_id === 'root'
            ? [{ ...m('a', 1), level: 'gold', status: 'active', registered_at: '2026-01-01T00:00:00Z', city_name: '杭州市' }]
            : [{ ...m('a1'), level: 'regular', status: 'banned', registered_at: '2026-02-01T00:00:00Z', city_name: '杭州市' }];
        return { data, total: data.length } as never;
      },
      rpc: async () => [
        { level: 1, member_count: 1 },
        { level: 2, member_count: 1 },
      ],
    };
    render(
      <MemoryRouter>
        <AdminContext dataProvider={dataProvider as never} i18nProvider={i18nProvider}>
          <DownlineTree memberId="root" />
        </AdminContext>
      </MemoryRouter>,
    );
    expect(await screen.findByText('会员a')).toBeInTheDocument();
    expect(await screen.findByText('下线共 2 人，2 层')).toBeInTheDocument();
    expect(screen.queryByText('会员a1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    expect(await screen.findByText('会员a1')).toBeInTheDocument();
    expect(screen.getByText('第 2 层')).toBeInTheDocument();
    await waitFor(() => expect(calls).toEqual([{ upline_id: 'root' }, { upline_id: 'a' }]));
  });
});
