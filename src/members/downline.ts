// The referral downline as an expandable tree (R-MEM-2). Children are loaded one level at a
// time when a node is expanded; this module keeps that state and flattens it into the rows an
// indented table shows. Pure functions, so the tree logic is tested without a browser.

export interface DownlineMember {
  id: string;
  nickname: string;
  direct_downline_count: number | string | null;
  [key: string]: unknown;
}

export interface Branch<M extends DownlineMember = DownlineMember> {
  rows: M[];
  /** how many direct children exist (may be more than loaded) */
  total: number;
}

export interface TreeState<M extends DownlineMember = DownlineMember> {
  branches: Record<string, Branch<M>>;
  expanded: string[];
  loading: string[];
}

export const emptyTree = <M extends DownlineMember>(): TreeState<M> => ({ branches: {}, expanded: [], loading: [] });

export function childCount(m: DownlineMember): number {
  const n = Number(m.direct_downline_count ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Loaded rows of a parent (appended when a further page arrives, without duplicates). */
export function withBranch<M extends DownlineMember>(state: TreeState<M>, parentId: string, rows: M[], total: number, append = false): TreeState<M> {
  const before = append ? (state.branches[parentId]?.rows ?? []) : [];
  const seen = new Set(before.map((r) => r.id));
  const merged = [...before, ...rows.filter((r) => !seen.has(r.id))];
  return {
    ...state,
    branches: { ...state.branches, [parentId]: { rows: merged, total: Math.max(total, merged.length) } },
    loading: state.loading.filter((id) => id !== parentId),
  };
}

export function setLoading<M extends DownlineMember>(state: TreeState<M>, id: string, loading: boolean): TreeState<M> {
  const rest = state.loading.filter((x) => x !== id);
  return { ...state, loading: loading ? [...rest, id] : rest };
}

/** Expands a collapsed node or collapses an expanded one; says whether its children must be loaded. */
export function toggle<M extends DownlineMember>(state: TreeState<M>, id: string): { state: TreeState<M>; load: boolean } {
  if (state.expanded.includes(id)) {
    return { state: { ...state, expanded: state.expanded.filter((x) => x !== id) }, load: false };
  }
  return { state: { ...state, expanded: [...state.expanded, id] }, load: !state.branches[id] };
}

export type TreeRow<M extends DownlineMember = DownlineMember> =
  | { type: 'member'; member: M; level: number; expandable: boolean; expanded: boolean; loading: boolean }
  | { type: 'more'; parentId: string; level: number; loaded: number; total: number };

/**
 * Depth-first rows under `rootId`: level 1 = direct referrals. Expanded nodes show their loaded
 * children and, when not all are loaded, a "more" row. `maxLevel` stops runaway depth.
 */
export function visibleRows<M extends DownlineMember>(state: TreeState<M>, rootId: string, maxLevel = 50): TreeRow<M>[] {
  const out: TreeRow<M>[] = [];
  const expanded = new Set(state.expanded);
  const loading = new Set(state.loading);
  const walk = (parentId: string, level: number, path: Set<string>) => {
    const branch = state.branches[parentId];
    if (!branch || level > maxLevel) return;
    for (const member of branch.rows) {
      if (path.has(member.id)) continue; // a cycle cannot happen in an ltree, but never loop
      const isOpen = expanded.has(member.id);
      out.push({ type: 'member', member, level, expandable: childCount(member) > 0, expanded: isOpen, loading: loading.has(member.id) });
      if (isOpen) walk(member.id, level + 1, new Set([...path, member.id]));
    }
    if (branch.rows.length < branch.total) {
      out.push({ type: 'more', parentId, level, loaded: branch.rows.length, total: branch.total });
    }
  };
  walk(rootId, 1, new Set([rootId]));
  return out;
}
