import { useState } from 'react';
import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import StarsIcon from '@mui/icons-material/Stars';
import { useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialogButton } from '../common/ActionDialogButton';
import * as api from './api';
import { PromotionRightsButton } from './PromotionRightsButton';
import { BAN_REASONS, LEVEL_CHOICES, UNBAN_REASONS } from './choices';

export interface MemberRecord {
  id: string;
  nickname: string;
  status: 'active' | 'banned';
  level: string;
  points: number;
  has_promotion_rights: boolean;
}

const D = 'resources.members.dialog';

const Select = ({ label, value, onChange, choices }: { label: string; value: string; onChange: (v: string) => void; choices: { id: string; name: string }[] }) => {
  const translate = useTranslate();
  return (
    <TextField select required fullWidth label={translate(label)} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translate(c.name)}
        </MenuItem>
      ))}
    </TextField>
  );
};

const Reason = ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField
      required
      fullWidth
      multiline
      minRows={2}
      name="reason"
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { maxLength: 500 } }}
    />
  );
};

/** Ban (active member) or unban (banned member), with a reason code and a required explanation. */
export const BanToggleButton = ({ record }: { record: MemberRecord }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const banning = record.status === 'active';
  const verb = banning ? 'ban' : 'unban';
  return (
    <ActionDialogButton
      label={`resources.members.actions.${verb}`}
      icon={banning ? <BlockIcon /> : <LockOpenIcon />}
      color={banning ? 'error' : 'primary'}
      variant="outlined"
      title={`${D}.${verb}_title`}
      titleArgs={{ name: record.nickname }}
      description={`${D}.${verb}_content`}
      canSubmit={code !== '' && note.trim() !== ''}
      onReset={() => {
        setCode('');
        setNote('');
      }}
      onSubmit={() => (banning ? api.ban : api.unban)(dataProvider, record.id, code, note.trim())}
      success={`resources.members.notify.${banning ? 'banned' : 'unbanned'}`}
    >
      <Select label={`${D}.reason_code`} value={code} onChange={setCode} choices={banning ? BAN_REASONS : UNBAN_REASONS} />
      <Reason label={`${D}.note`} value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

export const SetLevelButton = ({ record }: { record: MemberRecord }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionDialogButton
      label="resources.members.actions.set_level"
      icon={<MilitaryTechIcon />}
      title={`${D}.level_title`}
      titleArgs={{ name: record.nickname }}
      canSubmit={level !== '' && level !== record.level && reason.trim() !== ''}
      onReset={() => {
        setLevel('');
        setReason('');
      }}
      onSubmit={() => api.setLevel(dataProvider, record.id, level as api.MemberLevel, reason.trim())}
      success="resources.members.notify.level_changed"
    >
      <Select label={`${D}.new_level`} value={level} onChange={setLevel} choices={LEVEL_CHOICES.filter((c) => c.id !== record.level)} />
      <Reason label={`${D}.reason`} value={reason} onChange={setReason} />
    </ActionDialogButton>
  );
};

export const AdjustPointsButton = ({ record }: { record: MemberRecord }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const n = Number(delta);
  const valid = delta.trim() !== '' && Number.isInteger(n) && n !== 0 && Math.abs(n) <= 1_000_000;
  const after = valid ? record.points + n : record.points;
  return (
    <ActionDialogButton
      label="resources.members.actions.adjust_points"
      icon={<StarsIcon />}
      title={`${D}.points_title`}
      titleArgs={{ name: record.nickname }}
      canSubmit={valid && after >= 0 && reason.trim() !== ''}
      onReset={() => {
        setDelta('');
        setReason('');
      }}
      onSubmit={() => api.adjustPoints(dataProvider, record.id, n, reason.trim())}
      success="resources.members.notify.points_adjusted"
    >
      <Typography variant="body2">{translate(`${D}.points_now`, { points: record.points })}</Typography>
      <TextField type="number" name="points_delta" label={translate(`${D}.points_delta`)} value={delta} onChange={(e) => setDelta(e.target.value)} />
      {valid ? (
        <Typography variant="body2" color={after < 0 ? 'error' : 'text.secondary'}>
          {translate(`${D}.points_after`, { points: after })}
        </Typography>
      ) : null}
      <Reason label={`${D}.reason`} value={reason} onChange={setReason} />
    </ActionDialogButton>
  );
};

/** The member actions the role may take (canAccess members.ban / members.adjust / members.review: promotion rights). */
export const MemberActions = ({ record }: { record: MemberRecord }) => {
  const { canAccess: canBan } = useCanAccess({ resource: 'members', action: 'ban' });
  const { canAccess: canAdjust } = useCanAccess({ resource: 'members', action: 'adjust' });
  const { canAccess: canRights } = useCanAccess({ resource: 'members', action: 'review' });
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {canBan ? <BanToggleButton record={record} /> : null}
      {canAdjust ? <SetLevelButton record={record} /> : null}
      {canAdjust ? <AdjustPointsButton record={record} /> : null}
      {canRights ? <PromotionRightsButton record={record} /> : null}
    </Stack>
  );
};
