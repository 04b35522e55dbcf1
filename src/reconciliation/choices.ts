export const RESULTS = ['matched', 'amount_mismatch', 'missing', 'extra'] as const;
