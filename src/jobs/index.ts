// 后台任务: every run of background work (the minute timers, settlement, ranking, imports,
// server exports) with its progress, result and error; admins and finance see all, everyone
// else the runs they started (their exports).
import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const jobs: Feature = {
  name: 'jobs',
  resources: [
    {
      name: 'jobs',
      menu: { group: 'system', icon: WorkHistoryIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      view: 'v_job_runs',
      // the minute timers add a run a minute: never count the whole history exactly
      count: 'estimated',
    },
  ],
  messages,
};
