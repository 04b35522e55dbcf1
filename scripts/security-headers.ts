// The HTTP headers the built panel is served with: a strict Content-Security-Policy and the
// usual hardening headers. One definition for every place that serves dist/: `vite preview`
// (vite.config.ts), the `_headers` file written into dist/ for static hosts that read one
// (Netlify, Cloudflare Pages), and docs/DEPLOY.md for the others.
// The only origin besides the panel's own is the Supabase project's (VITE_SUPABASE_URL): the
// API, auth, functions, and storage images.

/** base64 SHA-256 of the empty string: what an empty <style> element hashes to. */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** Content-Security-Policy for a build talking to `supabaseUrl`. */
export function contentSecurityPolicy(supabaseUrl: string): string {
  const api = new URL(supabaseUrl).origin;
  return [
    "default-src 'self'",
    // Vite emits module scripts only, no inline script
    "script-src 'self'",
    // MUI's emotion (in a production build) inserts EMPTY <style> elements and adds its rules
    // through the CSSOM (insertRule), which CSP does not govern; the hash of the empty string
    // allows exactly those elements, and no <style> with content. React sets style properties
    // through the CSSOM too, not style attributes. So no 'unsafe-inline'.
    `style-src 'self' '${EMPTY_STYLE_HASH}'`,
    `connect-src 'self' ${api}`,
    // storage images (public and signed URLs); data: for the authenticator QR code
    `img-src 'self' data: ${api}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every header of a response carrying the panel. */
export function securityHeaders(supabaseUrl: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(supabaseUrl),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** The same headers as a `_headers` file (Netlify / Cloudflare Pages syntax), for every path. */
export function headersFile(supabaseUrl: string): string {
  const lines = ['/*', ...Object.entries(securityHeaders(supabaseUrl)).map(([k, v]) => `  ${k}: ${v}`)];
  return `${lines.join('\n')}\n`;
}

/** The headers for every path (`/*`) of a `_headers` file. */
export function parseHeadersFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) inAll = line.trim() === '/*';
    else if (inAll) {
      const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (m) out[m[1]] = m[2].trim();
    }
  }
  return out;
}
