import { Avatar, Chip, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { LEVEL_COLORS } from './choices';

export const MemberNameField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ nickname: string; avatar_url?: string | null }>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Avatar src={record.avatar_url ?? undefined} alt="" sx={{ width: 28, height: 28, fontSize: 14 }}>
        {record.nickname?.slice(0, 1)}
      </Avatar>
      <Typography variant="body2">{record.nickname}</Typography>
    </Stack>
  );
};

export const LevelChip = ({ level }: { level?: string | null }) => {
  const translate = useTranslate();
  if (!level) return null;
  return <Chip size="small" variant="outlined" color={LEVEL_COLORS[level] ?? 'default'} label={translate(`resources.members.level.${level}`, { _: level })} />;
};

export const LevelField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ level?: string }>();
  return <LevelChip level={record?.level} />;
};

export const MemberStatusChip = ({ status }: { status?: string | null }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip size="small" color={status === 'banned' ? 'error' : 'success'} variant={status === 'banned' ? 'filled' : 'outlined'} label={translate(`resources.members.status.${status}`, { _: status })} />
  );
};

export const MemberStatusField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ status?: string }>();
  return <MemberStatusChip status={record?.status} />;
};

/** The upline's nickname, linking to their page (no extra request: the view carries the name). */
export const UplineField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ upline_id?: string | null; upline_nickname?: string | null }>();
  const createPath = useCreatePath();
  if (!record?.upline_id) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <Link to={createPath({ resource: 'members', id: record.upline_id, type: 'show' })} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {record.upline_nickname}
    </Link>
  );
};
