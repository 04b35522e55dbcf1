// A step that takes two people (the database's four_eyes_rules): the first person's call
// records a request, another person's call carries it out. These pieces say which of the two
// the signed-in user is; the database refuses the same person's second call anyway.
import { Alert } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { formatDateTime } from './datetime';

/** The request columns the read views carry (v_trades, v_payments). */
export interface FourEyesRequest {
  refund_requested_by?: string | null;
  refund_requested_by_name?: string | null;
  refund_requested_at?: string | null;
  refund_request_reason?: string | null;
}

export type FourEyesStage = 'none' | 'mine' | 'other';

/** Whether a request is pending, and whether the signed-in user made it. */
export function useFourEyesStage(record: FourEyesRequest | undefined): FourEyesStage {
  const { identity } = useGetIdentity();
  if (!record?.refund_requested_by) return 'none';
  return identity?.id === record.refund_requested_by ? 'mine' : 'other';
}

/** The pending request, as the requester or as the colleague who may confirm it sees it. */
/** `reason`: the request's reason as words, where the stored one starts with a code. */
export const FourEyesNote = ({ record, stage, reason }: { record: FourEyesRequest; stage: FourEyesStage; reason?: string }) => {
  const translate = useTranslate();
  if (stage === 'none') return null;
  const values = {
    name: record.refund_requested_by_name ?? '—',
    at: formatDateTime(record.refund_requested_at),
    reason: reason ?? record.refund_request_reason ?? '—',
  };
  return (
    <Alert severity={stage === 'mine' ? 'info' : 'warning'} sx={{ my: 1 }}>
      {translate(`common.four_eyes.pending_${stage}`, values)}
    </Alert>
  );
};

/** True when a call of a two-person step only recorded the request (the state did not move). */
export const onlyRequested = (before: { status?: string }, after: unknown): boolean =>
  !!after && typeof after === 'object' && (after as { status?: string }).status === before.status;
