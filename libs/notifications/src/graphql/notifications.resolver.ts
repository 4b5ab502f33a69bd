import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@nexus/users';
import { NotificationsService } from '../notifications/notifications.service';
import {
  NotificationConnectionModel,
  NotificationIdArgs,
  NotificationsArgs,
} from './notifications.graphql-types';

/**
 * The caller's notifications: the calls `/api/v1/notifications` makes, so the owner scoping
 * (another user's id is a NOT_FOUND), cursors and the cached unread count are the service's.
 * Every operation needs a token (deny by default).
 */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnectionModel, {
    name: 'notifications',
    description: "The caller's notifications, newest first (the REST listing; needs a token)",
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Args() args: NotificationsArgs,
  ): Promise<NotificationConnectionModel> {
    const page = await this.service.list(user.id, {
      limit: args.first ?? 20,
      cursor: args.after,
      unread: args.unread === true,
      type: args.type,
    });
    const last = page.items.length - 1;
    return {
      edges: page.items.map((node, i) => ({ node, cursor: i === last ? page.nextCursor : null })),
      pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
    };
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread (cached)" })
  unreadCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.service.unreadCount(user.id);
  }

  @Mutation(() => Boolean, {
    description: 'Mark one of your notifications read (idempotent); NOT_FOUND if it is not yours',
  })
  async markNotificationRead(
    @CurrentUser() user: AuthUser,
    @Args() args: NotificationIdArgs,
  ): Promise<boolean> {
    await this.service.markRead(user.id, args.id);
    return true;
  }

  @Mutation(() => Int, {
    description: 'Mark all your notifications read; answers how many were unread',
  })
  markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<number> {
    return this.service.markAllRead(user.id);
  }
}
