// Auth mail over SMTP, as GoTrue sends it: to the stack's mail catcher locally (the CLI points
// GoTrue at Inbucket/Mailpit the same way). Subjects and bodies are GoTrue's default templates,
// plus the one-time code so verifyOtp({email, token}) can be used instead of the link.
// Sending happens after the answer: an unknown and a known address answer alike and in the
// same time; a failed delivery is logged.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';
import type { Limiter } from './limits.ts';
import { overEmailSendRateLimit } from './limits.ts';

export type MailKind = 'recovery' | 'invite' | 'email_change' | 'reauthentication';

export interface MailData {
  to: string;
  /** the link of {{ .ConfirmationURL }} (absent for reauthentication) */
  link?: string;
  /** the code of {{ .Token }} */
  token: string;
  newEmail?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEMPLATES: Record<MailKind, { subject: (d: MailData) => string; html: (d: MailData) => string }> = {
  recovery: {
    subject: () => 'Reset your password',
    html: (d) => `<h2>Reset your password</h2>

<p>We received a request to reset your password. Follow the link below to choose a new one.</p>
<p><a href="${esc(d.link ?? '')}">Reset password</a></p>
<p>Or enter the code: ${esc(d.token)}</p>
<p>If you didn't request this, you can safely ignore this email.</p>`,
  },
  invite: {
    subject: () => "You've been invited",
    html: (d) => `<h2>You've been invited</h2>

<p>You've been invited to create an account. Follow the link below to accept.</p>
<p><a href="${esc(d.link ?? '')}">Accept invitation</a></p>
<p>Or enter the code: ${esc(d.token)}</p>`,
  },
  email_change: {
    subject: () => 'Confirm your new email address',
    html: (d) => `<h2>Confirm your new email address</h2>

<p>Follow the link below to confirm ${esc(d.newEmail ?? d.to)} as your new email address.</p>
<p><a href="${esc(d.link ?? '')}">Confirm new email address</a></p>
<p>Or enter the code: ${esc(d.token)}</p>
<p>If you didn't request this change, you can safely ignore this email.</p>`,
  },
  reauthentication: {
    subject: (d) => `${d.token} is your verification code`,
    html: (d) => `<h2>Your verification code</h2>

<p>Use the code below to verify your identity. It expires shortly.</p>
<p>${esc(d.token)}</p>`,
  },
};

const toText = (html: string) =>
  html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2: $1')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

export interface Mailer {
  /** Sends in the background (the caller has reserved it against `email_sent`). */
  send(kind: MailKind, data: MailData): void;
  close(): void;
}

/** One e-mail against the instance's `email_sent` per hour: 429 over_email_send_rate_limit beyond. */
export function reserveMail(limiter: Limiter): void {
  if (!limiter.take('instance')) throw overEmailSendRateLimit();
}

export function smtpMailer(opts: {
  host: string;
  port: number;
  adminEmail: string;
  senderName: string;
  log: Logger;
}): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: false,
    ignoreTLS: true, // the local catcher speaks plain SMTP on loopback
    pool: true,
    maxConnections: 2,
  });
  return {
    send(kind, data) {
      const t = TEMPLATES[kind];
      const html = t.html(data);
      transport
        .sendMail({
          from: { name: opts.senderName, address: opts.adminEmail },
          to: data.to,
          subject: t.subject(data),
          html,
          text: toText(html),
          headers: { 'X-Supabase-Mail-Kind': kind },
        })
        .then(() => opts.log.debug(`${kind} mail to ${data.to} sent`))
        .catch((e: unknown) => opts.log.error(`${kind} mail to ${data.to} could not be sent: ${(e as Error).message}`));
    },
    close() {
      transport.close();
    },
  };
}
