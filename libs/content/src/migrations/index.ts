import { ContentSchema1764200000000 } from './1764200000000-content-schema';
import { ContentArticleTagNames1764300000000 } from './1764300000000-content-article-tag-names';

/** Content's schema, in order (after the users migrations: articles reference users). */
export const contentMigrations = [ContentSchema1764200000000, ContentArticleTagNames1764300000000];
