// A member's name, level and status: the members and the distributors (members with promotion
// rights) both show them (labels under resources.members).
import { Avatar, Stack, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { StateChip, type ChipColor } from './StateChip';

const LEVEL_COLORS: Record<string, ChipColor> = { regular: 'default', silver: 'info', gold: 'warning', platinum: 'secondary', diamond: 'primary' };
const STATUS_COLORS: Record<string, ChipColor> = { active: 'success', banned: 'error' };

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

export const LevelChip = ({ level }: { level?: string | null }) => <StateChip value={level} prefix="resources.members.level" colors={LEVEL_COLORS} />;
export const LevelField = (props: Partial<FieldProps>) => <StateChip source="level" {...props} prefix="resources.members.level" colors={LEVEL_COLORS} />;

/** Banned stands out (filled). */
export const MemberStatusChip = ({ status }: { status?: string | null }) => (
  <StateChip value={status} prefix="resources.members.status" colors={STATUS_COLORS} filled={['banned']} />
);
export const MemberStatusField = (props: Partial<FieldProps>) => (
  <StateChip source="status" {...props} prefix="resources.members.status" colors={STATUS_COLORS} filled={['banned']} />
);
