import type { ChipProps } from '@mui/material';
import { choicesOf } from '../common/choices';
import { Constants } from '../types/database';

export const JOB_KIND_CHOICES = choicesOf(Constants.public.Enums.job_kind, 'resources.jobs.kinds');
export const JOB_STATE_CHOICES = choicesOf(Constants.public.Enums.job_state, 'resources.jobs.states');
export const JOB_STATE_COLORS: Record<string, ChipProps['color']> = { queued: 'default', running: 'info', succeeded: 'success', failed: 'error' };
export const isOpen = (state: unknown) => state === 'queued' || state === 'running';
