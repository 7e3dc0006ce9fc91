import { afterEach, describe, expect, it } from 'vitest';
import { printingTransport, smtpTransport } from './mailTransport.ts';
import { startTestSmtpServer, type TestSmtpServer } from './testSmtpServer.ts';

describe('mail transports', () => {
  let smtp: TestSmtpServer | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it('sends through a real SMTP server', async () => {
    smtp = await startTestSmtpServer();
    const transport = smtpTransport({ url: smtp.url, from: 'Editor <no-reply@agency.gov.sg>' });
    await transport.send({ to: 'Ann@Agency.gov.sg', subject: 'Your sign-in code', text: 'Your code is 123456.' });
    const mail = await smtp.nextTo('ann@agency.gov.sg');
    expect(mail.raw).toContain('Subject: Your sign-in code');
    expect(mail.raw).toContain('Your code is 123456.');
    expect(mail.raw).toContain('From: Editor <no-reply@agency.gov.sg>');
  });

  it('fails when the SMTP server cannot be reached', async () => {
    const transport = smtpTransport({ url: 'smtp://127.0.0.1:1', from: 'no-reply@agency.gov.sg' });
    await expect(transport.send({ to: 'a@agency.gov.sg', subject: 's', text: 't' })).rejects.toThrow();
  });

  it('prints the message in development', async () => {
    const out: string[] = [];
    await printingTransport((t) => out.push(t)).send({ to: 'a@agency.gov.sg', subject: 'Invite', text: 'Open http://x/#setup' });
    expect(out.join('')).toMatch(/mail to a@agency\.gov\.sg: Invite\nOpen http:\/\/x\/#setup/);
  });
});
