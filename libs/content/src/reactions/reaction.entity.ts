import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A like: at most one per user and article (the primary key). */
@Entity('reactions')
export class ReactionEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16, default: 'like' })
  kind: 'like';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
