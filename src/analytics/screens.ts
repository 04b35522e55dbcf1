// 数据统计: the analytics resource's screen (charts load with it, not with the login page).
export { AnalyticsPage as list } from './AnalyticsPage';
