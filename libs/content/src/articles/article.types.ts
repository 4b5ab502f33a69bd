import type { AuthUser } from '@nexus/users';
import type { AuthorCard } from '../authors/author-cards.service';

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** An article as cached (low level): plain JSON, dates as ISO strings. Treat as immutable. */
export interface ArticleRecord {
  id: string;
  authorId: string;
  slug: string;
  title: string;
  body: string;
  excerpt: string;
  coverUrl: string | null;
  status: ArticleStatus;
  readingMinutes: number;
  likesCount: number;
  commentsCount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tags: string[];
}

/** An article as the API returns it. */
export interface ArticleView extends Omit<ArticleRecord, 'authorId' | 'readingMinutes'> {
  readingTimeMinutes: number;
  author: AuthorCard;
}

/** A listing entry: an article without its body. */
export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  coverUrl: string | null;
  tags: string[];
  readingTimeMinutes: number;
  likesCount: number;
  commentsCount: number;
  publishedAt: string;
  author: AuthorCard;
  /** Search relevance (`ts_rank`), only for `q=` listings ordered by relevance. */
  rank?: number;
  /** Likes in the window, only for `sort=top`. */
  score?: number;
}

export interface ArticlePage {
  items: ArticleSummary[];
  /** Opaque cursor of the next page; null on the last page. */
  nextCursor: string | null;
}

export type Viewer = AuthUser | undefined;

/** Moderators and admins see drafts and may change any article or comment. */
export function isPrivileged(viewer: Viewer): boolean {
  return viewer?.role === 'moderator' || viewer?.role === 'admin';
}

/** Published articles are public; others only for their author and moderators. */
export function canSee(viewer: Viewer, a: Pick<ArticleRecord, 'status' | 'authorId'>): boolean {
  return (
    a.status === 'published' || (!!viewer && (viewer.id === a.authorId || isPrivileged(viewer)))
  );
}

export function toIso(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
