import { ArgsType, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PageArgs, PageInfoModel } from '@nexus/content';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { NOTIFICATION_TYPES, NotificationType, NotificationView } from '../notification.types';

/*
 * GraphQL types of the notifications module: the REST listing's shapes and rules (the page
 * arguments are content's, shared by every connection).
 */

/** A JSON object, output only: a notification's `data` differs by type (docs/notifications.md). */
export const JsonObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object (output only)',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSONObject is an output type');
  },
  parseLiteral: () => {
    throw new GraphQLError('JSONObject is an output type');
  },
});

const TYPES = `one of ${NOTIFICATION_TYPES.join(', ')}`;

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  // Float, not Int: a bigint identity outgrows GraphQL's 32-bit Int; exact up to 2^53.
  @Field(() => Float, { description: 'Position in the stream (the SSE event id)' })
  seq: number;

  @Field(() => String, { description: TYPES })
  type: NotificationType;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. article' })
  subjectType: string | null;

  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Field(() => JsonObjectScalar, {
    description: 'What the notification is about (actorName, articleTitle, path, …; by type)',
  })
  data: Record<string, unknown>;

  @Field(() => Boolean)
  read: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  readAt: string | null;

  @Field(() => String, { description: 'ISO 8601' })
  createdAt: string;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field(() => NotificationModel)
  node: NotificationView;

  @Field(() => String, {
    nullable: true,
    description: 'Set on the last edge (= pageInfo.endCursor), null on the others',
  })
  cursor: string | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel])
  edges: NotificationEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread notifications' })
  @IsOptional()
  @IsBoolean()
  unread?: boolean;

  @Field(() => String, { nullable: true, description: `Only this type: ${TYPES}` })
  @IsOptional()
  @IsIn(NOTIFICATION_TYPES)
  type?: NotificationType;
}

@ArgsType()
export class NotificationIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
