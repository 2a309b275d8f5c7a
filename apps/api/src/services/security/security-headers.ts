import { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of the admin: everything from this origin only. Angular adds component
 * styles as <style> elements at run time, hence 'unsafe-inline' for styles (not for scripts); the
 * courtesy copy is shown from a blob: URL in a frame.
 */
const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sets the security headers on every response. The OpenAPI page (/api/docs) keeps no CSP because
 * Swagger UI runs inline scripts; it shows documentation only.
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');

  if (!request.path.startsWith('/api/docs')) {
    response.setHeader('Content-Security-Policy', ADMIN_CONTENT_SECURITY_POLICY);
  }

  next();
}
