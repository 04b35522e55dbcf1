// 参数设置: one page with every rule parameter, grouped; each change asks for the new value
// and a reason, and the change history sits below. Only admins change anything (the
// database refuses others); other roles with access would read.
import { useState, type ReactNode } from 'react';
import { Alert, Box, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { Button, Title, useCanAccess, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { SectionCard } from '../common/SectionCard';
import { useNotifyRefusal, useRefusal } from '../common/refusal';
import { formatDateTime } from '../common/datetime';
import { auditActionText } from '../common/auditAction';
import * as api from './api';
import { BankTemplateRow } from './BankTemplateRow';
import { CATEGORY_FIELDS, CORE_FIELDS, MONEY_FIELDS } from './fields';
import { display, fromInput, PATTERN, toInput, type Unit } from './units';

const S = 'settings';
const QUERY_KEY = ['settings_overview'];

/** What one edit asks for: a value in a unit (or a switch), and what to call with it. */
interface Edit {
  title: string;
  unit?: Unit;
  current?: unknown;
  /** a switch: the value to set is the opposite of `current` */
  toggle?: boolean;
  save: (value: number | boolean, reason: string) => Promise<unknown>;
}

const EditButton = ({ onClick, label = 'settings.edit' }: { onClick: () => void; label?: string }) => {
  const { canAccess } = useCanAccess({ resource: 'settings', action: 'edit' });
  if (!canAccess) return null;
  return (
    <Button label={label} size="small" onClick={onClick}>
      <EditIcon />
    </Button>
  );
};

const Rows = ({ head, children }: { head: string[]; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {head.map((h) => (
            <TableCell key={h}>{translate(h)}</TableCell>
          ))}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
};

const History = () => {
  const translate = useTranslate();
  const { data, isPending } = useGetList('audit_log', {
    filter: { 'entity@in': '(core_settings,money_settings,four_eyes_rule,amount_ceiling,merchant_category,merchant_categories)' },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  if (isPending) return <LinearProgress />;
  if (!data?.length) return <Typography variant="body2" color="text.secondary">{translate(`${S}.history_empty`)}</Typography>;
  const changes = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    Object.keys(after ?? {})
      .filter((k) => !['updated_at', 'updated_by'].includes(k))
      .map((k) => `${translate(`${S}.fields.${k}`, { _: k })}: ${JSON.stringify(before?.[k] ?? null)} → ${JSON.stringify(after?.[k] ?? null)}`)
      .join('；');
  return (
    <Rows head={['resources.audit_log.fields.at', 'resources.audit_log.fields.actor_email', 'resources.audit_log.fields.action', `${S}.change`, 'resources.audit_log.fields.reason']}>
      {data.map((r) => (
        <TableRow key={r.id}>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</TableCell>
          <TableCell>{r.actor_email}</TableCell>
          <TableCell>{auditActionText(r.action, translate)}</TableCell>
          <TableCell>{changes(r.before, r.after)}</TableCell>
          <TableCell>{r.reason ?? '—'}</TableCell>
        </TableRow>
      ))}
    </Rows>
  );
};

export const SettingsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const explain = useRefusal();
  const queryClient = useQueryClient();
  const [edit, setEdit] = useState<Edit | null>(null);
  const { data, isPending, error } = useQuery({ queryKey: QUERY_KEY, queryFn: () => api.overview(dataProvider) });
  if (isPending) return <LinearProgress />;
  if (error || !data) return <Alert severity="error">{explain(error)}</Alert>;
  const f = (k: string) => translate(`${S}.fields.${k}`);
  const valueRow = (key: string, unit: Unit, value: unknown, save: Edit['save']) => (
    <TableRow key={key}>
      <TableCell>{f(key)}</TableCell>
      <TableCell data-testid={`setting-${key}`}>{display(unit, value, translate)}</TableCell>
      <TableCell align="right">
        <EditButton onClick={() => setEdit({ title: f(key), unit, current: value, save })} />
      </TableCell>
    </TableRow>
  );
  const onOff = (on: boolean) => <Chip size="small" color={on ? 'success' : 'default'} label={translate(on ? `${S}.on` : `${S}.off`)} />;

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('resources.settings.name', { smart_count: 1 })} />
      <Stack spacing={2}>
        <SectionCard title={translate(`${S}.groups.core`)}>
          <Rows head={[`${S}.parameter`, `${S}.value`]}>
            {CORE_FIELDS.map(({ key, unit }) =>
              valueRow(key, unit, data.core[key as keyof typeof data.core], (v, reason) => api.updateCore(dataProvider, { [key]: v as number }, reason)),
            )}
          </Rows>
        </SectionCard>
        <SectionCard title={translate(`${S}.groups.money`)}>
          <Rows head={[`${S}.parameter`, `${S}.value`]}>
            <TableRow>
              <TableCell>{f('second_tier_enabled')}</TableCell>
              <TableCell>{onOff(data.money.second_tier_enabled)}</TableCell>
              <TableCell align="right">
                <EditButton
                  onClick={() =>
                    setEdit({ title: f('second_tier_enabled'), toggle: true, current: data.money.second_tier_enabled, save: (v, reason) => api.updateMoney(dataProvider, { second_tier_enabled: v }, reason) })
                  }
                />
              </TableCell>
            </TableRow>
            {MONEY_FIELDS.map(({ key, unit }) =>
              valueRow(key, unit, data.money[key as keyof typeof data.money], (v, reason) => api.updateMoney(dataProvider, { [key]: v }, reason)),
            )}
            <BankTemplateRow current={data.money.payout_bank_template} queryKey={QUERY_KEY} />
          </Rows>
        </SectionCard>
        <SectionCard title={translate(`${S}.groups.four_eyes`)}>
          <Rows head={[`${S}.rule`, `${S}.state`, `${S}.threshold`]}>
            {data.four_eyes.map((r) => (
              <TableRow key={r.rule}>
                <TableCell>{translate(`${S}.four_eyes.${r.rule}`, { _: r.description })}</TableCell>
                <TableCell>
                  {onOff(r.enabled)} {r.locked ? <Chip size="small" variant="outlined" label={translate(`${S}.locked`)} /> : null}
                </TableCell>
                <TableCell>{r.threshold_fen === null ? '—' : display('fen', r.threshold_fen, translate)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {r.locked ? null : (
                    <EditButton
                      label={r.enabled ? `${S}.switch_off` : `${S}.switch_on`}
                      onClick={() => setEdit({ title: translate(`${S}.four_eyes.${r.rule}`, { _: r.description }), toggle: true, current: r.enabled, save: (v, reason) => api.updateFourEyes(dataProvider, r.rule, v as boolean, r.threshold_fen, reason) })}
                    />
                  )}
                  {r.threshold_fen === null ? null : (
                    <EditButton
                      onClick={() => setEdit({ title: `${translate(`${S}.four_eyes.${r.rule}`, { _: r.description })} · ${translate(`${S}.threshold`)}`, unit: 'fen', current: r.threshold_fen, save: (v, reason) => api.updateFourEyes(dataProvider, r.rule, r.enabled, v as number, reason) })}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </Rows>
        </SectionCard>
        <SectionCard title={translate(`${S}.groups.ceilings`)}>
          <Rows head={[`${S}.amount_kind`, `${S}.ceiling`]}>
            {data.ceilings.map((c) => {
              const label = translate(`${S}.ceilings.${c.kind.replace(/\./g, '_')}`, { _: c.description });
              return (
                <TableRow key={c.kind}>
                  <TableCell>{label}</TableCell>
                  <TableCell>{display('fen', c.max_fen, translate)}</TableCell>
                  <TableCell align="right">
                    <EditButton onClick={() => setEdit({ title: label, unit: 'fen', current: c.max_fen, save: (v, reason) => api.updateCeiling(dataProvider, c.kind, v as number, reason) })} />
                  </TableCell>
                </TableRow>
              );
            })}
          </Rows>
        </SectionCard>
        <SectionCard title={translate(`${S}.groups.categories`)}>
          <Rows head={[`${S}.category`, ...CATEGORY_FIELDS.map((c) => `${S}.fields.${c.key}`), `${S}.state`]}>
            {data.categories.map((k) => (
              <TableRow key={k.id}>
                <TableCell>{k.name}</TableCell>
                {CATEGORY_FIELDS.map(({ key, unit }) => (
                  <TableCell key={key} sx={{ whiteSpace: 'nowrap' }}>
                    {display(unit, k[key as keyof typeof k], translate)}
                    <EditButton onClick={() => setEdit({ title: `${k.name} · ${f(key)}`, unit, current: k[key as keyof typeof k], save: (v, reason) => api.updateCategory(dataProvider, k.id, { [key]: v }, reason) })} />
                  </TableCell>
                ))}
                <TableCell>{onOff(k.active)}</TableCell>
                <TableCell align="right">
                  <EditButton
                    label={k.active ? `${S}.switch_off` : `${S}.switch_on`}
                    onClick={() => setEdit({ title: k.name, toggle: true, current: k.active, save: (v, reason) => api.updateCategory(dataProvider, k.id, { active: v }, reason) })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </Rows>
        </SectionCard>
        <SectionCard title={translate(`${S}.groups.history`)}>
          <History />
        </SectionCard>
      </Stack>
      {edit ? (
        <ActionDialog
          open
          title={edit.title}
          content={
            edit.toggle
              ? translate(edit.current ? `${S}.confirm_off` : `${S}.confirm_on`)
              : translate(`${S}.current`, { value: display(edit.unit as Unit, edit.current, translate) })
          }
          fields={[
            ...(edit.toggle
              ? []
              : [{ name: 'value', label: translate(`${S}.new_value`, { unit: translate(`${S}.units.${edit.unit}`) }), required: true, pattern: PATTERN[edit.unit as Unit], helperText: toInput(edit.unit as Unit, edit.current) }]),
            { name: 'reason', label: translate(`${S}.reason`), required: true, multiline: true },
          ]}
          confirmLabel={translate('ra.action.save')}
          onClose={() => setEdit(null)}
          onConfirm={async ({ value, reason }) => {
            const next = edit.toggle ? !edit.current : fromInput(edit.unit as Unit, value ?? '');
            if (next === null) return;
            try {
              await edit.save(next, reason);
              notify(`${S}.saved`, { type: 'success' });
              setEdit(null);
              await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
              await queryClient.invalidateQueries({ queryKey: ['audit_log'] });
            } catch (e) {
              refusal(e);
            }
          }}
        />
      ) : null}
    </Box>
  );
};
