import { Injectable } from '@nestjs/common';
import { affectedCount } from '@nexus/core';
import { EntityManager } from 'typeorm';

/** Statements on `reactions` (likes; the article's counter is kept by a database trigger). */
@Injectable()
export class ReactionsRepository {
  /** Adds the user's like; false when it was already there. */
  async add(articleId: string, userId: string, em: EntityManager): Promise<boolean> {
    const result: unknown = await em.query(
      `INSERT INTO reactions (article_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING article_id`,
      [articleId, userId],
    );
    return affectedCount(result) > 0;
  }

  /** Removes the user's like; false when there was none. */
  async remove(articleId: string, userId: string, em: EntityManager): Promise<boolean> {
    const result: unknown = await em.query(
      `DELETE FROM reactions WHERE article_id = $1 AND user_id = $2 RETURNING article_id`,
      [articleId, userId],
    );
    return affectedCount(result) > 0;
  }
}
