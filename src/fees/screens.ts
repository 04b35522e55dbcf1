export { MerchantFeeList } from './MerchantFeeList';
export { OfflineFeeList, OfflineFeeShow } from './OfflineFeeScreens';
export { FeePriceList } from './FeePriceList';
