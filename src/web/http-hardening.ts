/**
 * Security headers (helmet) and the dashboard's static files: `public/` and htmx, served from
 * node_modules — no CDN, no front-end build.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/** Only this origin: scripts, styles, images, forms, requests (htmx); no framing. */
export function contentSecurityPolicy(https: boolean, relaxStyles = false): Directives {
  const directives: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': relaxStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  if (https) directives['upgrade-insecure-requests'] = [];
  return directives;
}

function helmetWith(https: boolean, relaxStyles: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(https, relaxStyles),
    },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** helmet's headers; the OpenAPI page (Swagger UI) also needs inline styles. */
export function securityHeaders(appUrl: string): RequestHandler {
  const https = appUrl.startsWith('https:');
  const strict = helmetWith(https, false);
  const docs = helmetWith(https, true);
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next);
}

/** `/assets/*` from `public/`, and `/assets/htmx.min.js` from the htmx.org package. */
export function staticAssets(): RequestHandler {
  const router = express.Router();
  const htmx = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');
  const options = { maxAge: '1h', immutable: false } as const;
  router.get('/assets/htmx.min.js', (_req, res) => res.sendFile(htmx, options));
  router.get('/favicon.ico', (_req, res) => res.redirect(301, '/assets/icon.svg'));
  router.use(
    '/assets',
    express.static(resolve(process.env.JALON_PUBLIC_DIR ?? resolve(process.cwd(), 'public')), {
      ...options,
      index: false,
      fallthrough: true,
    }),
  );
  return router;
}
