import { useState } from 'react';
import {
  alpha,
  Box,
  Button as MuiButton,
  Chip,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  type Theme,
} from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import SendIcon from '@mui/icons-material/Send';
import { useCanAccess, useDataProvider, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import type { AppDataProvider } from '../providers/dataProvider';
import { useNotifyRefusal } from '../common/refusal';
import { addInternalNote, reply } from './api';
import { bubbleAlign, bubbleKind, type BubbleKind, type ThreadMessage } from './threadStyle';

const T = 'resources.complaints.thread';

const BUBBLE_SX: Record<BubbleKind, (t: Theme) => object> = {
  member: (t) => ({ bgcolor: t.palette.action.hover }),
  merchant: (t) => ({ bgcolor: alpha(t.palette.info.main, 0.1), borderLeft: `3px solid ${t.palette.info.main}` }),
  staff_to_member: (t) => ({ bgcolor: alpha(t.palette.primary.main, 0.12) }),
  staff_to_merchant: (t) => ({ bgcolor: alpha(t.palette.secondary.main, 0.12), borderRight: `3px solid ${t.palette.secondary.main}` }),
  internal_note: (t) => ({
    bgcolor: alpha(t.palette.warning.main, 0.12),
    border: `1px dashed ${t.palette.warning.main}`,
  }),
};

const Bubble = ({ message }: { message: ThreadMessage }) => {
  const translate = useTranslate();
  const kind = bubbleKind(message);
  const align = bubbleAlign(kind);
  const who =
    kind === 'member'
      ? translate(`${T}.from_member`)
      : kind === 'merchant'
        ? translate(`${T}.from_merchant`)
        : (message.author_name ?? translate(`${T}.staff`));
  const tag =
    kind === 'internal_note'
      ? translate(`${T}.internal_note`)
      : kind === 'staff_to_member'
        ? translate(`${T}.audience_member`)
        : kind === 'staff_to_merchant'
          ? translate(`${T}.audience_merchant`)
          : null;
  return (
    <Box sx={{ display: 'flex', justifyContent: align === 'left' ? 'flex-start' : align === 'right' ? 'flex-end' : 'stretch' }}>
      <Paper
        elevation={0}
        data-message-kind={kind}
        sx={[{ p: 1.5, maxWidth: align === 'full' ? '100%' : '80%', flex: align === 'full' ? 1 : undefined, borderRadius: 2 }, BUBBLE_SX[kind]]}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
          {kind === 'internal_note' ? <LockIcon fontSize="inherit" color="warning" /> : null}
          <Typography variant="subtitle2">{who}</Typography>
          {tag ? (
            <Chip
              size="small"
              variant="outlined"
              color={kind === 'internal_note' ? 'warning' : kind === 'staff_to_merchant' ? 'secondary' : 'primary'}
              label={tag}
            />
          ) : null}
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(message.created_at)}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {message.body}
        </Typography>
      </Paper>
    </Box>
  );
};

type Mode = 'member' | 'merchant' | 'note';

const Composer = ({ complaintId, state }: { complaintId: string; state: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [mode, setMode] = useState<Mode>('member');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const repliesClosed = ['closed', 'withdrawn', 'dismissed'].includes(state);
  const effective: Mode = repliesClosed ? 'note' : mode;

  const send = async () => {
    setBusy(true);
    try {
      if (effective === 'note') {
        await addInternalNote(dataProvider, complaintId, body.trim());
      } else {
        await reply(dataProvider, complaintId, effective, body.trim());
      }
      setBody('');
      notify(`${T}.sent`, { type: 'success' });
      refresh();
    } catch (e) {
      notifyRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={effective}
        onChange={(_, v: Mode | null) => v && setMode(v)}
        aria-label={translate(`${T}.send`)}
      >
        <ToggleButton value="member" disabled={repliesClosed}>
          {translate(`${T}.to_member`)}
        </ToggleButton>
        <ToggleButton value="merchant" disabled={repliesClosed}>
          {translate(`${T}.to_merchant`)}
        </ToggleButton>
        <ToggleButton value="note">
          <LockIcon fontSize="small" sx={{ mr: 0.5 }} />
          {translate(`${T}.internal_note`)}
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField
        multiline
        minRows={3}
        fullWidth
        name="message_body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={translate(effective === 'note' ? `${T}.placeholder_note` : `${T}.placeholder_${effective}`)}
        helperText={effective === 'note' ? translate(`${T}.note_hint`) : undefined}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
        sx={effective === 'note' ? { '& .MuiOutlinedInput-root': { bgcolor: (t: Theme) => alpha(t.palette.warning.main, 0.06) } } : undefined}
      />
      <Box>
        <MuiButton variant="contained" startIcon={<SendIcon />} disabled={busy || body.trim() === ''} onClick={send}>
          {translate(`${T}.send`)}
        </MuiButton>
      </Box>
    </Stack>
  );
};

/** The complaint's conversation: member, merchant, staff replies to either side, and internal notes. */
export const ComplaintThread = ({ complaintId, state }: { complaintId: string; state: string }) => {
  const translate = useTranslate();
  const { canAccess: canWrite } = useCanAccess({ resource: 'complaints', action: 'resolve' });
  const { data, isPending } = useGetList<ThreadMessage & { id: number }>('v_complaint_messages', {
    filter: { complaint_id: complaintId },
    sort: { field: 'created_at', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });
  return (
    <Stack spacing={1.5}>
      {!isPending && (data ?? []).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.empty`)}
        </Typography>
      ) : null}
      {(data ?? []).map((m) => (
        <Bubble key={m.id} message={m} />
      ))}
      {canWrite ? <Composer complaintId={complaintId} state={state} /> : null}
    </Stack>
  );
};
