// 商户等级规则: the ranking_rules resource's screen, and the breakdown other screens embed.
export { RankingRulesPage as list } from './RankingRulesPage';
export { RankingBreakdown } from './RankingBreakdown';
