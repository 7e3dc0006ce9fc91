/** How the team server sends mail (invites, sign-in codes): SMTP, or printing for development. */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export interface SmtpOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  url: string;
  from: string;
}

export function smtpTransport(opts: SmtpOptions): MailTransport {
  const transporter = nodemailer.createTransport(opts.url);
  return {
    async send(message) {
      await transporter.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * Development transport: writes each message to `write` (stdout by default) instead of sending it,
 * so a team server can be tried without a mail server. Never for production: codes show in the output.
 */
export function printingTransport(write: (text: string) => void = (t) => process.stdout.write(t)): MailTransport {
  return {
    async send(message) {
      write(`--- mail to ${message.to}: ${message.subject}\n${message.text}\n---\n`);
    },
  };
}

/** The transport the CLI picks: SMTP when `ISOMER_SMTP_URL` is set, else printing. */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const url = env.ISOMER_SMTP_URL;
  if (url) return smtpTransport({ url, from: env.ISOMER_MAIL_FROM ?? 'Isomer Page Editor <no-reply@localhost>' });
  return printingTransport();
}
