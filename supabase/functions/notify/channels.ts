// The three ways out. Each sender is built only when its credentials are set (environment
// variables, docs/DEPLOY.md); a channel without one is not offered to the claim, so its
// messages wait as not_configured and nothing pretends to send.
// A sender returns the provider's message id or throws a SendError (permanent: retrying the
// same message cannot help, e.g. the provider refused the number or the template).
import nodemailer from 'npm:nodemailer@^7';
import { tc3Sign } from './tc3.ts';

export class SendError extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
  }
}

export interface Message {
  id: number;
  event: string;
  channel: 'sms' | 'email' | 'wechat';
  address: string | null;
  subject: string;
  body: string;
  provider_template_code: string;
  provider_params: Record<string, string>;
}

export type Sender = (m: Message & { address: string }) => Promise<string>;

const env = (name: string): string | undefined => {
  const v = Deno.env.get(name)?.trim();
  return v ? v : undefined;
};

const TIMEOUT = 15_000;

// E-mail over SMTP with the names the auth server's SMTP settings use: locally the stack's
// mailbox (MailDev), hosted the project's SMTP server (secrets SMTP_HOST …).
function emailSender(): Sender | undefined {
  const host = env('SMTP_HOST');
  const from = env('SMTP_ADMIN_EMAIL');
  if (!host || !from) return undefined;
  const port = Number(env('SMTP_PORT') ?? 587);
  const user = env('SMTP_USER');
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: port === 465,
    // the local catcher speaks plain SMTP on loopback; anywhere else STARTTLS is required
    ...(/^(127\.|localhost$)/.test(host) ? { ignoreTLS: true } : { requireTLS: port !== 465 }),
    auth: user ? { user, pass: env('SMTP_PASS') ?? '' } : undefined,
    connectionTimeout: TIMEOUT,
  });
  const name = env('SMTP_SENDER_NAME') ?? '运营总后台';
  return async (m) => {
    try {
      const info = await transport.sendMail({
        from: { name, address: from },
        to: m.address,
        subject: m.subject || name,
        text: m.body,
        headers: { 'X-Notification-Id': String(m.id), 'X-Notification-Event': m.event },
      });
      if (info.rejected?.length) throw new SendError(`rejected ${info.rejected.join(', ')}`, true);
      return String(info.messageId ?? '');
    } catch (e) {
      if (e instanceof SendError) throw e;
      const code = (e as { responseCode?: number }).responseCode;
      // 5xx from the server: the address or the message is refused for good
      throw new SendError((e as Error).message, typeof code === 'number' && code >= 500 && code < 600);
    }
  };
}

// Tencent Cloud SMS (SendSms 2021-01-11, TC3-HMAC-SHA256). The template's variables are sent in
// the order of their keys (1, 2, …), as Tencent's templates number them.
function tencentSms(): Sender | undefined {
  const id = env('TENCENT_SMS_SECRET_ID');
  const key = env('TENCENT_SMS_SECRET_KEY');
  const appId = env('TENCENT_SMS_SDK_APP_ID');
  const sign = env('SMS_SIGN_NAME');
  if (!id || !key || !appId || !sign) return undefined;
  const host = env('TENCENT_SMS_HOST') ?? 'sms.tencentcloudapi.com';
  const region = env('TENCENT_SMS_REGION') ?? 'ap-guangzhou';
  return async (m) => {
    const params = Object.entries(m.provider_params).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([, v]) => v);
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${m.address}`],
      SmsSdkAppId: appId,
      SignName: sign,
      TemplateId: m.provider_template_code,
      TemplateParamSet: params,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await tc3Sign({ secretId: id, secretKey: key, service: 'sms', host, timestamp, payload });
    const res = await fetch(`https://${host}/`, {
      method: 'POST',
      headers: {
        Authorization: signed.authorization,
        'Content-Type': 'application/json; charset=utf-8',
        Host: host,
        'X-TC-Action': 'SendSms',
        'X-TC-Version': '2021-01-11',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Region': region,
      },
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT),
    });
    if (!res.ok) throw new SendError(`HTTP ${res.status}`);
    const out = (await res.json()) as { Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string; SerialNo?: string }[] } };
    const err = out.Response?.Error;
    if (err) throw new SendError(`${err.Code}: ${err.Message}`, !/^(InternalError|LimitExceeded|RequestLimitExceeded)/.test(err.Code));
    const status = out.Response?.SendStatusSet?.[0];
    if (!status || status.Code !== 'Ok') throw new SendError(`${status?.Code ?? 'no status'}: ${status?.Message ?? ''}`, !/LimitExceeded/.test(status?.Code ?? ''));
    return status.SerialNo ?? '';
  };
}

// WeChat subscription messages: an access token (cached until shortly before it expires), then
// subscribeMessage.send with the template's fields ({"thing1": {"value": …}}).
function wechatSender(): Sender | undefined {
  const appId = env('WECHAT_APP_ID');
  const secret = env('WECHAT_APP_SECRET');
  if (!appId || !secret) return undefined;
  const api = env('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com';
  let token: { value: string; until: number } | undefined;
  const accessToken = async (): Promise<string> => {
    if (token && token.until > Date.now()) return token.value;
    const res = await fetch(`${api}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(secret)}`, {
      signal: AbortSignal.timeout(TIMEOUT),
    });
    const out = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!out.access_token) throw new SendError(`token: ${out.errcode ?? res.status} ${out.errmsg ?? ''}`);
    token = { value: out.access_token, until: Date.now() + ((out.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
  return async (m) => {
    const data = Object.fromEntries(Object.entries(m.provider_params).map(([k, v]) => [k, { value: v }]));
    const res = await fetch(`${api}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ touser: m.address, template_id: m.provider_template_code, data }),
      signal: AbortSignal.timeout(TIMEOUT),
    });
    const out = (await res.json()) as { errcode?: number; errmsg?: string; msgid?: number };
    if (out.errcode === 40001 || out.errcode === 42001) token = undefined; // token revoked or expired: fetch anew next time
    if (out.errcode) throw new SendError(`${out.errcode}: ${out.errmsg ?? ''}`, out.errcode === 43101 || out.errcode === 40003 || out.errcode === 40037);
    return String(out.msgid ?? '');
  };
}

/** The channels this deployment can send, by their credentials. */
export function configuredSenders(): Partial<Record<Message['channel'], Sender>> {
  const out: Partial<Record<Message['channel'], Sender>> = {};
  const email = emailSender();
  if (email) out.email = email;
  const provider = env('SMS_PROVIDER');
  const sms = provider === 'tencent' ? tencentSms() : undefined;
  if (sms) out.sms = sms;
  const wechat = wechatSender();
  if (wechat) out.wechat = wechat;
  return out;
}
