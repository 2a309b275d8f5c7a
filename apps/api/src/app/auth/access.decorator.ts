import { SetMetadata } from '@nestjs/common';

export const ACCESS_KEY = 'access';

/**
 * Access rule of a route on top of the company check: `admin` for administrators only,
 * `user-session` for any logged-in user but no API key. Routes without it accept users and API keys.
 */
export type RouteAccess = 'admin' | 'user-session';

/** Limits a route to administrators; everyone else, API keys included, gets 403. */
export const AdminOnly = () => SetMetadata(ACCESS_KEY, 'admin' satisfies RouteAccess);

/** Limits a route to logged-in users; an API key gets 403. */
export const UserSessionOnly = () => SetMetadata(ACCESS_KEY, 'user-session' satisfies RouteAccess);
