/** `_data/footer.yml`: the links, switches and social media addresses the theme's footer shows. */
import type { SiteField } from './siteField.ts';

export const FOOTER_FILE = '_data/footer.yml';

const SOCIAL = ['facebook', 'twitter', 'youtube', 'instagram', 'linkedin', 'telegram', 'tiktok'] as const;
const SOCIAL_LABEL: Record<(typeof SOCIAL)[number], string> = {
  facebook: 'Facebook',
  twitter: 'X (Twitter)',
  youtube: 'YouTube',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  tiktok: 'TikTok',
};

export const FOOTER_FIELDS: readonly SiteField[] = [
  { path: ['contact_us'], group: 'Links', label: 'Contact Us', kind: 'link', help: 'The page the footer’s "Contact Us" link opens, such as /contact-us/. Leave empty to hide the link.' },
  { path: ['feedback'], group: 'Links', label: 'Feedback', kind: 'https', help: 'The feedback form the footer’s "Feedback" link opens (https://…). Leave empty to hide the link.' },
  { path: ['faq'], group: 'Links', label: 'FAQ', kind: 'link', help: 'The page the footer’s "FAQ" link opens, such as /faq/. Leave empty to hide the link.' },
  { path: ['privacy_policy'], group: 'Links', label: 'Privacy statement', kind: 'link', help: 'Where "Privacy Statement" leads. Empty: /privacy/.' },
  { path: ['terms_of_use'], group: 'Links', label: 'Terms of use', kind: 'link', help: 'Where "Terms of Use" leads. Empty: /terms-of-use/.' },
  { path: ['show_reach'], group: 'Links', label: 'Show the REACH link', kind: 'boolean', help: 'Adds a link to REACH, the government’s feedback portal.' },
  { path: ['copyright_agency'], group: 'Links', label: 'Copyright holder', kind: 'title', help: 'The name after © at the bottom. Empty: the site title.' },
  ...SOCIAL.map(
    (name): SiteField => ({
      path: ['social_media', name],
      group: 'Social media',
      label: SOCIAL_LABEL[name],
      kind: 'https',
      help: `The ${SOCIAL_LABEL[name]} page of the agency (https://…). Leave empty to hide the icon.`,
    }),
  ),
];
