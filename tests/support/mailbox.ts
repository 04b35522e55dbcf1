// The stack's mailbox (MailDev, Supabase's Inbucket/Mailpit locally) read through its HTTP
// API: the mail the auth server sent to an address, with its link and one-time code.
import { stack } from './stack.ts';

export interface Mail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
  html: string;
  text: string;
  time: string;
  headers: Record<string, string>;
}

export async function mailboxUrl(): Promise<string> {
  const cfg = await stack();
  return `http://${cfg.host}:${cfg.mailPort}`;
}

export async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${await mailboxUrl()}/email`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  const all = (await res.json()) as Mail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

/** Waits for the newest mail to an address whose subject matches (mail leaves after the answer). */
export async function waitForMail(address: string, subject: RegExp, opts: { after?: number; timeoutMs?: number } = {}): Promise<Mail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const found = (await mailsTo(address))
      .filter((m) => subject.test(m.subject) && (!opts.after || new Date(m.time).getTime() >= opts.after - 1000))
      .sort((a, b) => b.time.localeCompare(a.time));
    if (found[0]) return found[0];
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${address} within the timeout`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The verify link of a mail ({{ .ConfirmationURL }}). */
export function linkOf(mail: Mail): string {
  const m = /href="([^"]+)"/.exec(mail.html);
  if (!m) throw new Error(`no link in "${mail.subject}"`);
  return m[1].replace(/&#38;/g, '&').replace(/&amp;/g, '&');
}

/** The one-time code of a mail ({{ .Token }}). */
export function codeOf(mail: Mail): string {
  const m = /(?:code: |<p>)(\d{6})(?:<\/p>)?/.exec(mail.html);
  if (!m) throw new Error(`no code in "${mail.subject}"`);
  return m[1];
}
