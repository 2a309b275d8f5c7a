import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';

/** Marks a route that needs no bearer token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
