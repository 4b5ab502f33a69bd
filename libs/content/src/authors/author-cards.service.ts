import { Injectable } from '@nestjs/common';
import { UsersService } from '@nexus/users';
import { ContentCache, ContentNs, Scope } from '../cache/content-cache';

export interface AuthorCard {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

/** Author cards embedded in articles and comments: cache-aside over `UsersService.getAuthorCards`. */
@Injectable()
export class AuthorCardsService {
  constructor(
    private readonly users: UsersService,
    private readonly cache: ContentCache,
  ) {}

  /** Cards for the given user ids; an id without a user (deleted meanwhile) gets a placeholder. */
  async cards(ids: string[]): Promise<Map<string, AuthorCard>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, AuthorCard>();
    const tokens = await this.cache.tokenList(unique.map((id) => Scope.author(id)));
    const cached = await this.cache.getMany<AuthorCard>(
      ContentNs.author,
      unique.map((id, i) => `${id}@${tokens[i]}`),
    );
    const missing: number[] = [];
    cached.forEach((card, i) => (card ? out.set(unique[i], card) : missing.push(i)));
    if (missing.length) {
      const loaded = await this.users.getAuthorCards(missing.map((i) => unique[i]));
      await Promise.all(
        missing.map(async (i) => {
          const id = unique[i];
          const found = loaded.get(id);
          const card: AuthorCard = found
            ? {
                id,
                username: found.username,
                displayName: found.displayName,
                avatarUrl: found.avatarUrl ?? null,
              }
            : { id, username: 'deleted', displayName: 'Deleted user', avatarUrl: null };
          out.set(id, card);
          if (found)
            await this.cache.cache.set(
              ContentNs.author,
              `${id}@${tokens[i]}`,
              card,
              this.cache.ttlSeconds,
            );
        }),
      );
    }
    return out;
  }
}
