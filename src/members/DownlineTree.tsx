import { useCallback, useState } from 'react';
import {
  Box,
  Button as MuiButton,
  Chip,
  CircularProgress,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Link, useCreatePath, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../common/datetime';
import type { AppDataProvider } from '../providers/dataProvider';
import { downlineLevels } from './api';
import { emptyTree, setLoading, toggle, visibleRows, withBranch, type DownlineMember, type TreeState } from './downline';

const PAGE = 50;

interface Member extends DownlineMember {
  level: string;
  status: string;
  registered_at: string;
  has_promotion_rights: boolean;
  city_name: string | null;
}

/** Counts per level below the member (member_downline_levels RPC). */
const LevelSummary = ({ memberId }: { memberId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['member_downline_levels', memberId],
    queryFn: () => downlineLevels(dataProvider, memberId),
  });
  if (!data) return null;
  const total = data.reduce((s, l) => s + Number(l.member_count), 0);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} data-testid="downline-levels">
      <Chip color="primary" label={translate('resources.members.downline.total', { count: total, depth: data.length })} />
      {data.map((l) => (
        <Chip
          key={l.level}
          variant="outlined"
          label={translate('resources.members.downline.level_count', { level: l.level, count: Number(l.member_count) })}
        />
      ))}
    </Stack>
  );
};

/**
 * The referral downline as an indented, lazily expanded table: level 1 = the member's direct
 * referrals; a row expands to load its own referrals (MUI has no TreeView here).
 */
export const DownlineTree = ({ memberId }: { memberId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [tree, setTree] = useState<TreeState<Member>>(emptyTree);

  const load = useCallback(
    async (parentId: string, page = 1) => {
      setTree((t) => setLoading(t, parentId, true));
      try {
        const { data, total } = await dataProvider.getList<Member>('members', {
          filter: { upline_id: parentId },
          sort: { field: 'registered_at', order: 'ASC' },
          pagination: { page, perPage: PAGE },
        });
        setTree((t) => withBranch(t, parentId, data, total ?? data.length, page > 1));
      } catch (e) {
        setTree((t) => setLoading(t, parentId, false));
        notify((e as Error).message, { type: 'error' });
      }
    },
    [dataProvider, notify],
  );

  // level 1 comes from a query; deeper levels (and further pages) are loaded on demand into
  // `tree`. The caller keys this component by member, so the tree starts empty for each one.
  const root = useGetList<Member>('members', {
    filter: { upline_id: memberId },
    sort: { field: 'registered_at', order: 'ASC' },
    pagination: { page: 1, perPage: PAGE },
  });

  const onToggle = (id: string) => {
    const next = toggle(state, id);
    setTree(next.state);
    if (next.load) void load(id);
  };

  const state = tree.branches[memberId] || !root.data ? tree : withBranch(tree, memberId, root.data, root.total ?? root.data.length);
  const rows = visibleRows(state, memberId);
  const rootLoading = root.isPending;
  return (
    <Box>
      <LevelSummary memberId={memberId} />
      {rootLoading ? <CircularProgress size={24} /> : null}
      {!rootLoading && rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.members.downline.empty')}
        </Typography>
      ) : null}
      {rows.length > 0 ? (
        <Table size="small" data-testid="downline-tree">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.members.fields.nickname')}</TableCell>
              <TableCell>{translate('resources.members.downline.level')}</TableCell>
              <TableCell>{translate('resources.members.fields.level')}</TableCell>
              <TableCell>{translate('resources.members.fields.city_name')}</TableCell>
              <TableCell>{translate('resources.members.fields.status')}</TableCell>
              <TableCell align="right">{translate('resources.members.fields.direct_downline_count')}</TableCell>
              <TableCell>{translate('resources.members.fields.registered_at')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) =>
              row.type === 'more' ? (
                <TableRow key={`more-${row.parentId}`}>
                  <TableCell colSpan={7} sx={{ pl: 2 + row.level * 3 }}>
                    <MuiButton size="small" onClick={() => {
                        if (!tree.branches[row.parentId]) setTree(state); // keep the first page when appending
                        void load(row.parentId, Math.floor(row.loaded / PAGE) + 1);
                      }}>
                      {translate('resources.members.downline.more', { loaded: row.loaded, total: row.total })}
                    </MuiButton>
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={row.member.id} hover>
                  <TableCell sx={{ pl: 1 + (row.level - 1) * 3 }}>
                    <Stack direction="row" sx={{ alignItems: 'center' }}>
                      {row.expandable ? (
                        <IconButton
                          size="small"
                          aria-label={translate(row.expanded ? 'ra.action.close' : 'ra.action.expand')}
                          onClick={() => onToggle(row.member.id)}
                        >
                          {row.loading ? (
                            <CircularProgress size={16} />
                          ) : row.expanded ? (
                            <ExpandMoreIcon fontSize="small" />
                          ) : (
                            <ChevronRightIcon fontSize="small" />
                          )}
                        </IconButton>
                      ) : (
                        <Box sx={{ width: 34 }} />
                      )}
                      <Link to={createPath({ resource: 'members', id: row.member.id, type: 'show' })}>{row.member.nickname}</Link>
                      {row.member.has_promotion_rights ? (
                        <Chip size="small" color="secondary" variant="outlined" sx={{ ml: 1 }} label={translate('resources.members.fields.has_promotion_rights')} />
                      ) : null}
                    </Stack>
                  </TableCell>
                  <TableCell>{translate('resources.members.downline.level_n', { level: row.level })}</TableCell>
                  <TableCell>{translate(`resources.members.level.${row.member.level}`, { _: row.member.level })}</TableCell>
                  <TableCell>{row.member.city_name}</TableCell>
                  <TableCell>{translate(`resources.members.status.${row.member.status}`, { _: row.member.status })}</TableCell>
                  <TableCell align="right">{Number(row.member.direct_downline_count ?? 0)}</TableCell>
                  <TableCell>{formatDate(row.member.registered_at)}</TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
};
