import { ContentSchema1764200000000 } from './1764200000000-content-schema';

/** Content's schema, in order (after the users migrations: articles reference users). */
export const contentMigrations = [ContentSchema1764200000000];
