import { Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, type FieldProps } from 'react-admin';

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
