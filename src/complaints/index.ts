// 投诉管理: the complaint queue, its deadlines and the conversation.
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const complaints: Feature = {
  name: 'complaints',
  resources: [
    {
      name: 'complaints',
      menu: { group: 'service', icon: ReportProblemIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show', 'create']),
      recordRepresentation: 'title',
      view: 'v_complaints',
      count: 'estimated',
      search: { hits: 'complaints' }, // title and content, or the member's or merchant's name (providers/listSearch.ts)
    },
  ],
  messages,
};
