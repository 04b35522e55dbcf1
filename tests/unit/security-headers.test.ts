// The production headers: one definition, written to dist/_headers and read back by `vite preview`.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, EMPTY_STYLE_HASH, headersFile, parseHeadersFile, securityHeaders } from '../../scripts/security-headers.ts';

describe('security headers', () => {
  it('allow the project’s origin and nothing inline', () => {
    const csp = contentSecurityPolicy('https://abcdefghijklmnopqrst.supabase.co/some/path');
    expect(csp).toContain("connect-src 'self' https://abcdefghijklmnopqrst.supabase.co;");
    expect(csp).toContain("img-src 'self' data: https://abcdefghijklmnopqrst.supabase.co;");
    expect(csp).toContain(`style-src 'self' '${EMPTY_STYLE_HASH}';`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('the hash is the empty string’s, so only empty <style> elements pass', async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(''));
    expect(`sha256-${Buffer.from(digest).toString('base64')}`).toBe(EMPTY_STYLE_HASH);
  });

  it('come back unchanged from the _headers file', () => {
    const url = 'http://127.0.0.1:54321';
    const text = headersFile(url);
    expect(text.startsWith('/*\n')).toBe(true);
    expect(parseHeadersFile(text)).toEqual(securityHeaders(url));
    // other paths' blocks are not every path's
    expect(parseHeadersFile(`/assets/*\n  Cache-Control: immutable\n${text}`)).toEqual(securityHeaders(url));
  });
});
