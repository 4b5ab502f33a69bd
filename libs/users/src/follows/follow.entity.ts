import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** `followerId` follows `followeeId`. */
@Entity({ name: 'follows' })
export class Follow {
  @PrimaryColumn({ name: 'follower_id', type: 'uuid' })
  followerId: string;

  @PrimaryColumn({ name: 'followee_id', type: 'uuid' })
  followeeId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
