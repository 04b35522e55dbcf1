import { useState } from 'react';
import { FormControlLabel, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import GroupIcon from '@mui/icons-material/Group';
import CheckIcon from '@mui/icons-material/Check';
import BlockIcon from '@mui/icons-material/Block';
import StorefrontIcon from '@mui/icons-material/Storefront';
import ReplyIcon from '@mui/icons-material/Reply';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import GavelIcon from '@mui/icons-material/Gavel';
import LockIcon from '@mui/icons-material/Lock';
import ReplayIcon from '@mui/icons-material/Replay';
import UndoIcon from '@mui/icons-material/Undo';
import { useCanAccess, useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialogButton } from '../common/ActionDialogButton';
import * as api from './api';
import {
  CATEGORY_CHOICES,
  DISMISS_REASON_CHOICES,
  OUTCOME_CHOICES,
  REOPEN_REASON_CHOICES,
  SEVERITY_CHOICES,
} from './choices';
import { useAssignees } from './useAssignees';

export interface ComplaintRecord {
  id: string;
  state: string;
  category: api.ComplaintCategory;
  severity: api.ComplaintSeverity;
  title: string;
  assignee_id: string | null;
  assignee_name: string | null;
  merchant_id: string;
  merchant_name: string;
  member_id: string;
  member_nickname: string;
  reservation_id: string | null;
  trade_id: string | null;
}

const ASSIGNABLE = ['submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated', 'resolved'];
const OPEN = ['submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated'];

type Choice = { id: string; name: string };
const ChoiceField = ({
  label,
  value,
  onChange,
  choices,
  required,
  translateChoice = true,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  choices: Choice[];
  required?: boolean;
  translateChoice?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextField select fullWidth required={required} label={translate(label)} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translateChoice ? translate(c.name) : c.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

const TextArea = ({ label, value, onChange, required }: { label: string; value: string; onChange: (v: string) => void; required?: boolean }) => {
  const translate = useTranslate();
  return (
    <TextField
      fullWidth
      multiline
      minRows={2}
      required={required}
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { maxLength: 2000 } }}
    />
  );
};

const D = 'resources.complaints.dialog';
const A = 'resources.complaints.actions';
const N = 'resources.complaints.notify';

const useApi = () => useDataProvider<AppDataProvider>();

export const AssignToMeButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const { identity } = useGetIdentity();
  if (!ASSIGNABLE.includes(record.state) || record.assignee_id === identity?.id) return null;
  return (
    <ActionDialogButton
      label={`${A}.assign_me`}
      icon={<AssignmentIndIcon />}
      variant="outlined"
      title={`${D}.assign_me_title`}
      description={`${D}.assign_me_content`}
      onSubmit={() => api.assign(dp, record.id)}
      success={`${N}.assigned`}
    />
  );
};

export const AssignToColleagueButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const { data: assignees } = useAssignees();
  const [who, setWho] = useState('');
  if (!ASSIGNABLE.includes(record.state)) return null;
  const choices = (assignees ?? []).filter((a) => a.id !== record.assignee_id).map((a) => ({ id: a.id, name: a.display_name }));
  return (
    <ActionDialogButton
      label={`${A}.assign_other`}
      icon={<GroupIcon />}
      title={`${D}.assign_other_title`}
      canSubmit={who !== ''}
      onReset={() => setWho('')}
      onSubmit={() => api.assign(dp, record.id, who)}
      success={`${N}.assigned`}
    >
      <ChoiceField label={`${D}.assignee`} value={who} onChange={setWho} choices={choices} translateChoice={false} required />
    </ActionDialogButton>
  );
};

export const AcceptButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [category, setCategory] = useState(record.category);
  const [severity, setSeverity] = useState(record.severity);
  const [note, setNote] = useState('');
  if (record.state !== 'submitted') return null;
  return (
    <ActionDialogButton
      label={`${A}.accept`}
      icon={<CheckIcon />}
      variant="contained"
      title={`${D}.accept_title`}
      description={`${D}.accept_content`}
      onReset={() => {
        setCategory(record.category);
        setSeverity(record.severity);
        setNote('');
      }}
      onSubmit={() => api.accept(dp, record.id, category, severity, note.trim())}
      success={`${N}.accepted`}
    >
      <ChoiceField label="resources.complaints.fields.category" value={category} onChange={(v) => setCategory(v as api.ComplaintCategory)} choices={CATEGORY_CHOICES} />
      <ChoiceField label="resources.complaints.fields.severity" value={severity} onChange={(v) => setSeverity(v as api.ComplaintSeverity)} choices={SEVERITY_CHOICES} />
      <TextArea label={`${D}.note`} value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

export const DismissButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  if (record.state !== 'submitted') return null;
  return (
    <ActionDialogButton
      label={`${A}.dismiss`}
      icon={<BlockIcon />}
      color="error"
      title={`${D}.dismiss_title`}
      description={`${D}.dismiss_content`}
      canSubmit={code !== '' && note.trim() !== ''}
      onReset={() => {
        setCode('');
        setNote('');
      }}
      onSubmit={() => api.dismiss(dp, record.id, code, note.trim())}
      success={`${N}.dismissed`}
    >
      <ChoiceField label={`${D}.reason_code`} value={code} onChange={setCode} choices={DISMISS_REASON_CHOICES} required />
      <TextArea label={`${D}.reason_note`} value={note} onChange={setNote} required />
    </ActionDialogButton>
  );
};

export const RequestMerchantButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [hours, setHours] = useState('48');
  const [note, setNote] = useState('');
  const translate = useTranslate();
  if (record.state !== 'accepted') return null;
  const h = Number(hours);
  return (
    <ActionDialogButton
      label={`${A}.request_merchant`}
      icon={<StorefrontIcon />}
      variant="contained"
      title={`${D}.request_merchant_title`}
      canSubmit={Number.isInteger(h) && h >= 1 && h <= 720}
      onReset={() => {
        setHours('48');
        setNote('');
      }}
      onSubmit={() => api.requestMerchant(dp, record.id, h, note.trim())}
      success={`${N}.requested`}
    >
      <TextField
        type="number"
        label={translate(`${D}.hours`)}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        slotProps={{ htmlInput: { min: 1, max: 720 } }}
      />
      <TextArea label={`${D}.note`} value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

export const MerchantRepliedButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [body, setBody] = useState('');
  if (record.state !== 'awaiting_merchant') return null;
  return (
    <ActionDialogButton
      label={`${A}.merchant_replied`}
      icon={<ReplyIcon />}
      variant="contained"
      title={`${D}.merchant_replied_title`}
      canSubmit={body.trim() !== ''}
      onReset={() => setBody('')}
      onSubmit={() => api.merchantReplied(dp, record.id, body.trim())}
      success={`${N}.merchant_replied`}
    >
      <TextArea label={`${D}.merchant_reply_body`} value={body} onChange={setBody} required />
    </ActionDialogButton>
  );
};

export const EscalateButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [note, setNote] = useState('');
  if (record.state !== 'awaiting_merchant') return null;
  return (
    <ActionDialogButton
      label={`${A}.escalate`}
      icon={<TrendingUpIcon />}
      color="warning"
      title={`${D}.escalate_title`}
      description={`${D}.escalate_content`}
      onReset={() => setNote('')}
      onSubmit={() => api.escalate(dp, record.id, note.trim())}
      success={`${N}.escalated`}
    >
      <TextArea label={`${D}.note`} value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

/** Resolve with an outcome, a remedy and an optional penalty (降权) for the merchant. */
export const ResolveButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const translate = useTranslate();
  const [outcome, setOutcome] = useState('');
  const [remedy, setRemedy] = useState('');
  const [note, setNote] = useState('');
  const [penalty, setPenalty] = useState(false);
  const [size, setSize] = useState('5');
  const [days, setDays] = useState('30');
  if (record.state !== 'mediating' && record.state !== 'escalated') return null;
  const penaltyAllowed = outcome === 'upheld' || outcome === 'partly_upheld';
  const sizeN = Number(size);
  const daysN = Number(days);
  const penaltyOk = !penalty || (sizeN > 0 && sizeN <= 1000 && Number.isInteger(daysN) && daysN >= 1 && daysN <= 365);
  return (
    <ActionDialogButton
      label={`${A}.resolve`}
      icon={<GavelIcon />}
      variant="contained"
      color="success"
      title={`${D}.resolve_title`}
      description={`${D}.resolve_content`}
      canSubmit={outcome !== '' && remedy.trim() !== '' && penaltyOk}
      onReset={() => {
        setOutcome('');
        setRemedy('');
        setNote('');
        setPenalty(false);
        setSize('5');
        setDays('30');
      }}
      onSubmit={() =>
        api.resolve(dp, record.id, {
          outcome: outcome as api.ComplaintOutcome,
          remedy: remedy.trim(),
          note: note.trim(),
          penalty: penalty && penaltyAllowed ? { size: sizeN, days: daysN } : undefined,
        })
      }
      success={`${N}.resolved`}
    >
      <ChoiceField
        label="resources.complaints.fields.outcome"
        value={outcome}
        onChange={(v) => {
          setOutcome(v);
          if (v === 'not_upheld') setPenalty(false);
        }}
        choices={OUTCOME_CHOICES}
        required
      />
      <TextArea label={`${D}.remedy`} value={remedy} onChange={setRemedy} required />
      <TextArea label={`${D}.note`} value={note} onChange={setNote} />
      <FormControlLabel
        control={<Switch checked={penalty} disabled={!penaltyAllowed} onChange={(e) => setPenalty(e.target.checked)} name="with_penalty" />}
        label={translate(`${D}.with_penalty`)}
      />
      {penalty ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate(`${D}.penalty_help`)}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              type="number"
              name="penalty_size"
              label={translate('resources.complaints.penalty.size')}
              value={size}
              onChange={(e) => setSize(e.target.value)}
              slotProps={{ htmlInput: { min: 0.01, max: 1000, step: 0.5 } }}
            />
            <TextField
              type="number"
              name="penalty_days"
              label={translate('resources.complaints.penalty.days')}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              slotProps={{ htmlInput: { min: 1, max: 365 } }}
            />
          </Stack>
        </>
      ) : null}
    </ActionDialogButton>
  );
};

export const CloseButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [note, setNote] = useState('');
  if (record.state !== 'resolved') return null;
  return (
    <ActionDialogButton
      label={`${A}.close`}
      icon={<LockIcon />}
      title={`${D}.close_title`}
      onReset={() => setNote('')}
      onSubmit={() => api.close(dp, record.id, note.trim())}
      success={`${N}.closed`}
    >
      <TextArea label={`${D}.note`} value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

export const ReopenButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  if (record.state !== 'resolved') return null;
  return (
    <ActionDialogButton
      label={`${A}.reopen`}
      icon={<ReplayIcon />}
      color="warning"
      title={`${D}.reopen_title`}
      canSubmit={code !== '' && note.trim() !== ''}
      onReset={() => {
        setCode('');
        setNote('');
      }}
      onSubmit={() => api.reopen(dp, record.id, code, note.trim())}
      success={`${N}.reopened`}
    >
      <ChoiceField label={`${D}.reason_code`} value={code} onChange={setCode} choices={REOPEN_REASON_CHOICES} required />
      <TextArea label={`${D}.reason_note`} value={note} onChange={setNote} required />
    </ActionDialogButton>
  );
};

export const WithdrawButton = ({ record }: { record: ComplaintRecord }) => {
  const dp = useApi();
  const [note, setNote] = useState('');
  if (!OPEN.includes(record.state)) return null;
  return (
    <ActionDialogButton
      label={`${A}.withdraw`}
      icon={<UndoIcon />}
      color="inherit"
      title={`${D}.withdraw_title`}
      description={`${D}.withdraw_content`}
      canSubmit={note.trim() !== ''}
      onReset={() => setNote('')}
      onSubmit={() => api.withdraw(dp, record.id, note.trim())}
      success={`${N}.withdrawn`}
    >
      <TextArea label={`${D}.reason_note`} value={note} onChange={setNote} required />
    </ActionDialogButton>
  );
};

/** Every action the record's state allows and the role may take (canAccess), in workflow order. */
export const ComplaintActions = ({ record }: { record: ComplaintRecord }) => {
  const { canAccess: canAssign } = useCanAccess({ resource: 'complaints', action: 'assign' });
  const { canAccess: canResolve } = useCanAccess({ resource: 'complaints', action: 'resolve' });
  if (!canAssign && !canResolve) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {canResolve ? (
        <>
          <AcceptButton record={record} />
          <RequestMerchantButton record={record} />
          <MerchantRepliedButton record={record} />
          <ResolveButton record={record} />
        </>
      ) : null}
      {canAssign ? (
        <>
          <AssignToMeButton record={record} />
          <AssignToColleagueButton record={record} />
        </>
      ) : null}
      {canResolve ? (
        <>
          <EscalateButton record={record} />
          <CloseButton record={record} />
          <ReopenButton record={record} />
          <DismissButton record={record} />
          <WithdrawButton record={record} />
        </>
      ) : null}
    </Stack>
  );
};
