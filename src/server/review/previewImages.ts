/**
 * The addresses the review screen's page previews load their images from. The previews are sandboxed
 * documents with no origin of their own, so the session cookie does not go with their requests: each
 * address carries a signature instead (an HMAC keyed from the server's secret) for one request and one
 * side of it, valid for an hour.
 */
import { createHmac } from 'node:crypto';
import { tokenMatches } from '../security.ts';

export type PreviewSide = 'published' | 'changed';

/** Below this, `<request id>/<side>/<expires>/<signature>/<site path of the image>`. */
export const PREVIEW_IMAGES_PATH = '/review-images/';
/** How long an address stays valid. */
export const PREVIEW_IMAGES_TTL_MS = 60 * 60 * 1000;

export interface PreviewImageSigner {
  /** The address below which a request's side serves its pages' images, valid from `now` for an hour. */
  prefix(requestId: number, side: PreviewSide, now?: number): string;
  /** Whether an address's parts were signed here and have not expired. */
  valid(requestId: string, side: string, expires: string, signature: string, now?: number): boolean;
}

export function previewImageSigner(serverSecret: string): PreviewImageSigner {
  // A key of its own, so a signature here is never one of the session cookies' or the other way round.
  const key = createHmac('sha256', serverSecret).update('isomer-editor review preview images').digest();
  const sign = (requestId: string, side: string, expires: string) => createHmac('sha256', key).update(`${requestId}/${side}/${expires}`).digest('base64url');
  return {
    prefix(requestId, side, now = Date.now()) {
      const expires = String(Math.floor((now + PREVIEW_IMAGES_TTL_MS) / 1000));
      return `${PREVIEW_IMAGES_PATH}${requestId}/${side}/${expires}/${sign(String(requestId), side, expires)}/`;
    },
    valid(requestId, side, expires, signature, now = Date.now()) {
      if (!/^[1-9]\d{0,15}$/.test(requestId) || (side !== 'published' && side !== 'changed') || !/^\d{1,12}$/.test(expires)) return false;
      if (Number(expires) * 1000 <= now) return false;
      return tokenMatches(signature, sign(requestId, side, expires));
    },
  };
}
