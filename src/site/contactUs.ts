import { fieldIssues, type FieldIssue } from './homepage.ts';

/**
 * The Contact Us page (`layout: contact_us`): agency name, contacts and locations as the theme reads
 * them, and the checks the spec gives. Edits go through the text edits of `homepage.ts`.
 */

export type ContactKind = 'phone' | 'email' | 'other';

export interface ContactLine {
  kind: string;
  value: unknown;
}

export interface ContactView {
  title: unknown;
  lines: ContactLine[];
}

export interface LocationView {
  title: unknown;
  address: unknown[];
  maps_link: unknown;
  operating_hours: Record<string, unknown>[];
}

export interface ContactUsView {
  agency_name: unknown;
  contacts: ContactView[];
  locations: LocationView[];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function readContactUs(data: Record<string, unknown>): ContactUsView {
  return {
    agency_name: data['agency_name'],
    contacts: list(data['contacts']).map((c) => ({
      title: record(c)['title'],
      lines: list(record(c)['content']).map((line) => {
        const [kind = '', value] = Object.entries(record(line))[0] ?? [];
        return { kind, value };
      }),
    })),
    locations: list(data['locations']).map((l) => ({
      title: record(l)['title'],
      address: list(record(l)['address']),
      maps_link: record(l)['maps_link'],
      operating_hours: list(record(l)['operating_hours']).map(record),
    })),
  };
}

// Singapore numbers as the spec gives them: `+65` then 6, 8 or 9 and seven digits, or a 1800 number.
const PHONE = /^(\+65 ?[689]\d{3} ?\d{4}|1800 ?\d{3} ?\d{4})$/;
// One address, no spaces, a dot in the domain: what a mail program accepts, without the rarer forms.
const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:.]+$/;

/** Why a phone number is not one the site can dial, or null. An empty value is fine (it is not shown). */
export function phoneProblem(value: string): string | null {
  if (value.trim() === '' || PHONE.test(value.trim())) return null;
  return 'Write a Singapore number: +65 then 8 digits starting with 6, 8 or 9 (+65 6123 4567), or 1800 123 4567.';
}

/** Why an email address is not one, or null. An empty value is fine (it is not shown). */
export function emailProblem(value: string): string | null {
  if (value.trim() === '' || EMAIL.test(value.trim())) return null;
  return 'Write one email address, such as enquiries@agency.gov.sg.';
}

/** Every check of the Contact Us page: required fields, limits, phone, email and map links. */
export function contactUsIssues(data: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = typeof data['agency_name'] === 'string' ? data['agency_name'] : '';
  if (name.trim() === '') issues.push({ path: ['agency_name'], severity: 'warning', message: 'Without an agency name the page says "Get in touch with" the site title.' });
  issues.push(...fieldIssues(data, { agency_name: { max: 100 } }, []));
  const contacts = list(data['contacts']);
  if (contacts.length === 0) issues.push({ path: ['contacts'], severity: 'error', message: 'Add at least one contact.' });
  contacts.forEach((contact, i) => {
    issues.push(...fieldIssues(record(contact), { title: { max: 49, required: true } }, ['contacts', i]));
    list(record(contact)['content']).forEach((line, j) => {
      const path = ['contacts', i, 'content', j];
      for (const [kind, value] of Object.entries(record(line))) {
        const text = typeof value === 'string' ? value : '';
        const problem = kind === 'phone' ? phoneProblem(text) : kind === 'email' ? emailProblem(text) : null;
        if (problem) issues.push({ path: [...path, kind], severity: 'error', message: problem });
        if (kind === 'other') issues.push(...fieldIssues(record(line), { other: { max: 399 } }, path));
      }
    });
  });
  list(data['locations']).forEach((location, i) => {
    const path = ['locations', i];
    const fields = record(location);
    issues.push(...fieldIssues(fields, { title: { max: 49, required: true } }, path));
    const address = list(fields['address']);
    if (address.every((line) => typeof line !== 'string' || line.trim() === '')) {
      issues.push({ path: [...path, 'address'], severity: 'warning', message: 'A location without an address is not shown.' });
    }
    address.forEach((line, j) => {
      if (typeof line === 'string' && [...line].length > 50) issues.push({ path: [...path, 'address', j], severity: 'error', message: `At most 50 characters (now ${[...line].length}).` });
    });
    const maps = typeof fields['maps_link'] === 'string' ? fields['maps_link'] : '';
    if (maps.trim() !== '' && !maps.trim().startsWith('https://')) {
      issues.push({ path: [...path, 'maps_link'], severity: 'error', message: 'A map link starts with https://.' });
    }
    list(fields['operating_hours']).forEach((hours, j) => {
      issues.push(...fieldIssues(record(hours), { days: { max: 49 }, time: { max: 49 }, description: { max: 99 } }, [...path, 'operating_hours', j]));
    });
  });
  return issues;
}

/** A new contact with the three lines the theme prints (phone, email, other), empty to fill in. */
export function newContact(title: string): Record<string, unknown> {
  return { title, content: [{ phone: '' }, { email: '' }, { other: '' }] };
}

/** A new location with the three address lines the official CMS gives. */
export function newLocation(title: string): Record<string, unknown> {
  return { title, address: ['', '', ''], operating_hours: [], maps_link: '' };
}
