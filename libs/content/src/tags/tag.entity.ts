import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A tag, normalised (lower-case, `a-z0-9-`) and created on first use. */
@Entity('tags')
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Join row between an article and a tag. */
@Entity('article_tags')
export class ArticleTagEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;
}
