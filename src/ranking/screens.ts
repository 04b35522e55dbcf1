// 商户等级规则: the ranking_rules resource's screen.
export { RankingRulesPage as list } from './RankingRulesPage';
