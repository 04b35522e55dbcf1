// Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), as their "Signature v3" page
// describes it. Web Crypto only, so the unit tests run it under Node against the page's worked
// example (tests/unit/notify-tc3.test.ts).

const enc = new TextEncoder();

const hex = (b: ArrayBuffer): string => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', enc.encode(text)));
}

async function hmac(key: ArrayBuffer | Uint8Array, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(text));
}

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** e.g. sms */
  service: string;
  /** e.g. sms.tencentcloudapi.com */
  host: string;
  /** seconds since the epoch; the credential's date is its UTC date */
  timestamp: number;
  /** the exact body sent */
  payload: string;
  /** the exact Content-Type sent */
  contentType?: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

/** Signs a POST to `/` with the content-type and host headers signed. */
export async function tc3Sign(r: Tc3Request): Promise<Tc3Signature> {
  const contentType = r.contentType ?? 'application/json; charset=utf-8';
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${contentType}\nhost:${r.host}\n`, signedHeaders, await sha256Hex(r.payload)].join('\n');
  const scope = `${date}/${r.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, await sha256Hex(canonicalRequest)].join('\n');
  const secretDate = await hmac(enc.encode(`TC3${r.secretKey}`), date);
  const secretService = await hmac(secretDate, r.service);
  const secretSigning = await hmac(secretService, 'tc3_request');
  const signature = hex(await hmac(secretSigning, stringToSign));
  return {
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${r.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
