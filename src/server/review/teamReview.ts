/** Review in team mode: its API beside the site's routes (behind the session), share links at the root. */
import { Hono } from 'hono';
import type { SiteRepository } from '../git/repository.ts';
import type { TeamRouteContext, TeamServerOptions } from '../team/teamServer.ts';
import { reviewRouteParts } from './reviewRoutes.ts';

/** `siteRoutes` and `rootRoutes` for startTeamServer; `siteRoutes` are the site's own (change sets), mounted after review's. */
export function teamReviewRoutes(repo: SiteRepository, siteRoutes: (ctx: TeamRouteContext) => Hono): Required<Pick<TeamServerOptions, 'siteRoutes' | 'rootRoutes'>> {
  let parts: ReturnType<typeof reviewRouteParts> | undefined;
  // One service for both halves, so publishes stay one at a time.
  const partsOf = (ctx: TeamRouteContext) =>
    (parts ??= reviewRouteParts({ db: ctx.db, repo, mail: ctx.mail, userOf: ctx.userOf, audit: ctx.audit, publicUrl: ctx.publicUrl, origins: ctx.origins, secret: ctx.secret }));
  return {
    siteRoutes: (ctx) => {
      const app = new Hono();
      // First: the site's routes answer every other /api/* path.
      app.route('/api', partsOf(ctx).api);
      app.route('/', siteRoutes(ctx));
      return app;
    },
    rootRoutes: (ctx) => partsOf(ctx).share,
  };
}
