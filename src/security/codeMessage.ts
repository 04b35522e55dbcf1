/** The translation key for a failed code verification. */
export function codeMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'mfa_verification_failed') return 'security.code_wrong';
  if (code === 'mfa_challenge_expired' || code === 'mfa_factor_not_found' || code === 'mfa_ip_address_mismatch') return 'security.code_expired';
  if (code === 'over_request_rate_limit') return 'security.too_many';
  if (code === 'no_factor') return 'security.no_factor';
  return 'errors.unknown';
}
