// Feature: 全局搜索 / Search — one box in the app bar (also Ctrl+K) for every record staff look
// up by what they were told: numbers, transaction ids, a phone's last four digits, names, words.
// No resource of its own, only messages here; layout/Layout.tsx mounts ./GlobalSearch.
import type { Feature } from '../common/feature';
import * as messages from './messages';

export const search: Feature = { name: 'search', resources: [], messages };
