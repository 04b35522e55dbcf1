// 绑定争议: a member's binding to a distributor for a merchant, with what it rests on — the
// share and click it came from, every binding of the customer with this merchant, the
// customer's clicks on the merchant's shares, reservations and commissions — and the two
// ways to settle it: unbind, or rebind through another distributor's share. Both change the
// future only: reservations, trades and commissions already made keep their distributor.
import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, Stack, Table, TableBody,
  TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { formatDateTime } from '../common/datetime';
import { formatFen } from '../common/money';
import { reasonText } from '../common/reasons';
import { bindingEvidence, rebind, unbind, type BindingEvidence } from './api';
import { BINDING_REASONS } from './choices';

const T = 'resources.members.binding';

const Section = ({ title, empty, head, rows }: { title: string; empty: boolean; head: string[]; rows: ReactNode[][] }) => {
  const t = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{t(`${T}.${title}`)}</Typography>
      {empty ? (
        <Typography variant="body2" color="text.secondary">{t(`${T}.none`)}</Typography>
      ) : (
        <Table size="small">
          <TableHead><TableRow>{head.map((h) => <TableCell key={h}>{t(`${T}.col.${h}`)}</TableCell>)}</TableRow></TableHead>
          <TableBody>{rows.map((r, i) => <TableRow key={i}>{r.map((c, j) => <TableCell key={j}>{c}</TableCell>)}</TableRow>)}</TableBody>
        </Table>
      )}
    </Box>
  );
};

const Evidence = ({ e }: { e: BindingEvidence }) => {
  const t = useTranslate();
  const b = e.binding;
  return (
    <>
      <Typography variant="body2">
        {t(`${T}.summary`, { member: b.member_nickname, distributor: b.distributor_nickname, merchant: b.merchant_name,
          from: formatDateTime(b.bound_at), to: formatDateTime(b.expires_at) })}
      </Typography>
      {e.share ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t(`${T}.share_line`, { code: e.share.code, listing: e.share.listing_title, at: formatDateTime(e.share.created_at),
            clicks: e.share.click_count, clicked: e.click ? formatDateTime(e.click.clicked_at) : '—' })}
        </Typography>
      ) : null}
      <Section title="bindings" empty={!e.bindings.length} head={['distributor', 'bound_at', 'ended_at', 'reason', 'by']}
        rows={e.bindings.map((x) => [x.distributor_nickname, formatDateTime(x.bound_at), x.ended_at ? formatDateTime(x.ended_at) : t(`${T}.open_state`),
          reasonText(x.end_reason, t), x.created_by_name ?? '—'])} />
      <Section title="clicks" empty={!e.clicks.length} head={['clicked_at', 'share', 'distributor']}
        rows={e.clicks.map((x) => [formatDateTime(x.clicked_at), x.share_code, x.distributor_nickname])} />
      <Section title="reservations" empty={!e.reservations.length} head={['created_at', 'state', 'price', 'distributor', 'share']}
        rows={e.reservations.map((x) => [formatDateTime(x.created_at), t(`resources.reservations.state.${x.state}`, { _: x.state }),
          formatFen(x.price_fen, { symbol: true }), x.distributor_nickname ?? '—', x.share_code ?? '—'])} />
      <Section title="commissions" empty={!e.commissions.length} head={['created_at', 'beneficiary', 'tier', 'amount', 'status']}
        rows={e.commissions.map((x) => [formatDateTime(x.created_at), x.beneficiary_nickname, x.tier,
          formatFen(x.amount_fen, { symbol: true }), t(`commissions.status.${x.status}`, { _: x.status })])} />
    </>
  );
};

/** The dispute dialog of one binding; unbind and rebind for reviewers and admins (members.review). */
export const BindingDisputeDialog = ({ bindingId, onClose }: { bindingId: string | null; onClose: () => void }) => {
  const t = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: 'members', action: 'review' });
  const [action, setAction] = useState<'unbind' | 'rebind' | null>(null);
  const [shareId, setShareId] = useState('');
  const { data, isPending, error } = useQuery({
    queryKey: ['binding_evidence', bindingId],
    queryFn: () => bindingEvidence(dataProvider, bindingId!),
    enabled: !!bindingId,
  });
  const done = (key: string) => {
    setAction(null);
    setShareId('');
    notify(`${T}.${key}`, { type: 'success' });
    void queryClient.invalidateQueries({ queryKey: ['binding_evidence'] });
    refresh();
    onClose();
  };
  const active = !!data?.binding.is_active || (!!data && !data.binding.ended_at);
  return (
    <Dialog open={!!bindingId} onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t(`${T}.title`)}</DialogTitle>
      <DialogContent>
        {isPending ? <LinearProgress /> : null}
        {error ? <Alert severity="error">{String((error as Error).message)}</Alert> : null}
        {data ? <Evidence e={data} /> : null}
        <Alert severity="info" sx={{ mt: 2 }}>{t(`${T}.future_only`)}</Alert>
      </DialogContent>
      <DialogActions>
        {canAccess && data && active ? (
          <>
            <MuiButton color="error" onClick={() => setAction('unbind')}>{t(`${T}.unbind`)}</MuiButton>
            <MuiButton onClick={() => setAction('rebind')} disabled={!data.candidate_shares.length}>{t(`${T}.rebind`)}</MuiButton>
          </>
        ) : null}
        <MuiButton onClick={onClose}>{t('ra.action.close')}</MuiButton>
      </DialogActions>
      {data ? (
        <ActionDialog
          open={action !== null}
          title={t(`${T}.${action ?? 'unbind'}_title`, { member: data.binding.member_nickname, distributor: data.binding.distributor_nickname })}
          content={t(`${T}.${action ?? 'unbind'}_content`)}
          reasons={{ codes: BINDING_REASONS, labelPrefix: 'reasons' }}
          canConfirm={action === 'unbind' || !!shareId}
          confirmLabel={t(`${T}.${action ?? 'unbind'}`)}
          color={action === 'unbind' ? 'error' : 'primary'}
          onClose={() => setAction(null)}
          onConfirm={async ({ reasonCode, note }) => {
            if (action === 'rebind') {
              await rebind(dataProvider, data.binding.id, shareId, reasonCode, note);
              done('rebound');
            } else {
              await unbind(dataProvider, data.binding.id, reasonCode, note);
              done('unbound');
            }
          }}
        >
          {action === 'rebind' ? (
            <Stack>
              <TextField select fullWidth label={t(`${T}.new_share`)} value={shareId} onChange={(e) => setShareId(e.target.value)}
                slotProps={{ htmlInput: { name: 'share' } }}>
                {data.candidate_shares.map((s) => (
                  <MenuItem key={s.id} value={s.id}>
                    {`${s.distributor_nickname} · ${s.code} · ${s.listing_title}${s.clicked_by_customer ? ` · ${t(`${T}.clicked`)}` : ''}`}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          ) : null}
        </ActionDialog>
      ) : null}
    </Dialog>
  );
};
