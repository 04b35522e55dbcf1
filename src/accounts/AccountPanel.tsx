// An owner's balance figures and the ledger entries behind each one. Clicking a figure shows
// only the entries of the accounts that make it up; their effects add up to the figure.
import { useState } from 'react';
import { Alert, Box, Card, CardActionArea, CardContent, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import {
  DataTable,
  ListBase,
  Pagination,
  RecordContextProvider,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatFen } from '../common/money';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { useRefusal } from '../common/refusal';
import { balanceEffect, FIGURE_KINDS, type Figure } from './kinds';

export const PLATFORM_ID = '00000000-0000-0000-0000-000000000000';

export interface AccountBalance {
  id: string;
  owner_type: 'platform' | 'merchant' | 'member';
  owner_id: string | null;
  owner_name: string | null;
  available_fen: number;
  frozen_fen: number;
  locked_fen: number;
  deposit_fen: number;
  receivable_fen: number;
  cash_fen: number;
  balance_fen: number;
}

const FIGURES_BY_OWNER: Record<AccountBalance['owner_type'], Figure[]> = {
  merchant: ['available', 'frozen', 'locked', 'deposit', 'receivable'],
  member: ['available', 'frozen', 'locked', 'receivable'],
  platform: ['cash', 'available', 'frozen', 'locked'],
};

const EffectField = () => {
  const record = useRecordContext();
  if (!record) return null;
  const v = balanceEffect(String(record.account_kind), Number(record.amount_fen));
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', color: v < 0 ? 'error.main' : 'success.main' }}>
      {v > 0 ? '+' : ''}
      {formatFen(v)}
    </Typography>
  );
};

const KindField = ({ prefix, source }: { prefix: string; source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const v = record?.[source];
  return <span>{v ? translate(`${prefix}.${v}`, { _: String(v) }) : ''}</span>;
};

/** The ledger entries of one owner (optionally of one figure), newest first. */
export const LedgerEntries = ({ account, figure }: { account: AccountBalance; figure?: Figure | null }) => {
  const filter: Record<string, unknown> =
    account.owner_type === 'platform' ? { owner_type: 'platform' } : { owner_id: account.owner_id };
  // v_ledger_entries is the read model of `ledger`, whose access the page already checked
  if (figure) filter['account_kind@in'] = `(${FIGURE_KINDS[figure].join(',')})`;
  return (
    <ListBase resource="v_ledger_entries" filter={filter} sort={{ field: 'id', order: 'DESC' }} perPage={20} disableSyncWithLocation disableAuthentication>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="posted_at" label="accounts.entries.posted_at" field={DateTimeField} />
        <DataTable.Col source="journal_kind" label="accounts.entries.journal_kind" field={() => <KindField prefix="accounts.journal" source="journal_kind" />} />
        <DataTable.Col source="account_kind" label="accounts.entries.account_kind" field={() => <KindField prefix="accounts.kind" source="account_kind" />} />
        <DataTable.Col source="memo" label="accounts.entries.memo" />
        <DataTable.Col source="ref_id" label="accounts.entries.ref" render={(r) => `${r.ref_type}:${String(r.ref_id).slice(0, 13)}`} />
        <DataTable.Col align="right" source="debit_fen" label="accounts.entries.debit" field={MoneyField} />
        <DataTable.Col align="right" source="credit_fen" label="accounts.entries.credit" field={MoneyField} />
        <DataTable.Col align="right" source="amount_fen" label="accounts.entries.effect" field={EffectField} disableSort />
        <DataTable.Col source="journal_id" label="accounts.entries.journal_id" />
      </DataTable>
      <Pagination rowsPerPageOptions={[20, 50, 100]} />
    </ListBase>
  );
};

/** Figure cards + entries; `account` from v_account_balances. */
export const AccountPanel = ({ account }: { account: AccountBalance }) => {
  const translate = useTranslate();
  const [figure, setFigure] = useState<Figure | null>(null);
  const figures = FIGURES_BY_OWNER[account.owner_type];
  return (
    <Box>
      <Grid container spacing={1} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="caption" color="text.secondary">
                {translate(`accounts.figures.balance_${account.owner_type}`)}
              </Typography>
              <Typography variant="h6" data-figure="balance" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatFen(account.balance_fen)}
              </Typography>
            </CardContent>
          </Card>
        </Grid>
        {figures.map((f) => (
          <Grid key={f} size={{ xs: 6, sm: 4, md: 2 }}>
            <Card variant={figure === f ? 'elevation' : 'outlined'} sx={{ height: '100%', borderColor: figure === f ? 'primary.main' : undefined }}>
              <CardActionArea onClick={() => setFigure(figure === f ? null : f)} sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="caption" color="text.secondary">
                    {translate(`accounts.figures.${f}_${account.owner_type === 'platform' ? 'platform' : 'owner'}`)}
                  </Typography>
                  <Typography variant="h6" data-figure={f} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatFen(account[`${f}_fen` as keyof AccountBalance] as number)}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="subtitle1">
          {figure
            ? translate('accounts.entries.title_figure', {
                figure: translate(`accounts.figures.${figure}_${account.owner_type === 'platform' ? 'platform' : 'owner'}`),
              })
            : translate('accounts.entries.title')}
        </Typography>
      </Stack>
      <LedgerEntries account={account} figure={figure} />
    </Box>
  );
};

/** The panel for an owner id (withdrawal review: the applicant). */
export const OwnerAccount = ({ ownerId }: { ownerId: string }) => {
  const translate = useTranslate();
  const refusal = useRefusal();
  const { data, isPending, error } = useGetOne<AccountBalance>('ledger', { id: ownerId });
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Alert severity="info">{error ? refusal(error) : translate('accounts.none')}</Alert>;
  return (
    <RecordContextProvider value={data}>
      <AccountPanel account={data} />
    </RecordContextProvider>
  );
};
