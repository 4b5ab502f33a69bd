import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, ProblemException, Public } from '@nexus/core';
import { AuthUser, CurrentUser } from '@nexus/users';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnsubscribeLinks } from '../mail/unsubscribe-links';
import { NotificationsService } from '../notifications/notifications.service';
import { PreferencesService, PreferencesView } from '../preferences/preferences.service';
import { NotificationStreams } from '../stream/notification-streams';
import {
  ListNotificationsQueryDto,
  NotificationIdParams,
  NotificationPageDto,
  PreferencesDto,
  ReadAllDto,
  UnreadCountDto,
  UnsubscribeBodyDto,
  UnsubscribedDto,
  UnsubscribeQueryDto,
  UpdatePreferencesDto,
} from './notifications.dto';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: PreferencesService,
    private readonly streams: NotificationStreams,
    private readonly links: UnsubscribeLinks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first (keyset pages)' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() q: ListNotificationsQueryDto) {
    return this.notifications.list(user.id, {
      limit: q.limit ?? 20,
      cursor: q.cursor,
      unread: q.unread === 'true',
      type: q.type,
    });
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread (cached)' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblems(401)
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(user.id) };
  }

  @Get('stream')
  @ApiOperation({
    summary: 'Live notifications (Server-Sent Events)',
    description:
      'Events: `notification` (id = its `seq`, data = a notification) and `unread-count` ' +
      '(`{"count":n}`), plus `: heartbeat` comments. Reconnect with `Last-Event-ID` to get what ' +
      'was missed. Needs `Accept: text/event-stream`; a bounded number of streams per user.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An endless event stream',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 406, 429)
  async stream(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.streams.open(user.id, request, reply);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Your notification preferences per type and channel, and digest' })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiProblems(401)
  getPreferences(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.preferences.get(user.id);
  }

  @Put('preferences')
  @ApiOperation({
    summary: 'Change preferences (listed switches only) and the digest frequency',
    description: 'Account security notices cannot be turned off: such a change is a 400.',
  })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiProblems(400, 401)
  putPreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<PreferencesView> {
    return this.preferences.update(user.id, body.preferences ?? [], body.digest);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllDto })
  @ApiProblems(401)
  async readAll(@CurrentUser() user: AuthUser): Promise<ReadAllDto> {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  @Get('unsubscribe')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  // A browser page for an email's signed link, not an API operation: no example token could
  // answer from Swagger UI. The API is the POST below.
  @ApiExcludeEndpoint()
  @ApiOperation({
    summary: 'The page behind the unsubscribe link of an email: a button that confirms (POST)',
    description: 'Opening the link changes nothing (mail scanners open links); the button does.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'A confirmation page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400)
  confirmPage(@Query() q: UnsubscribeQueryDto): string {
    const target = this.verified(q.token);
    const what = target.type === 'digest' ? 'the digest emails' : `emails of type ${target.type}`;
    return (
      `<!doctype html><html><head><title>Unsubscribe</title></head><body>` +
      `<p>Stop ${what}?</p><form method="post" action="?token=${encodeURIComponent(q.token)}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">Unsubscribe</button></form></body></html>`
    );
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'One-click unsubscribe from an email (RFC 8058), with the signed link; no login',
    description:
      'Mail clients POST `List-Unsubscribe=One-Click` as a form; a JSON body or none works too.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: UnsubscribedDto })
  @ApiProblems(400)
  async unsubscribe(
    @Query() q: UnsubscribeQueryDto,
    @Body() _body: UnsubscribeBodyDto,
  ): Promise<UnsubscribedDto> {
    const target = this.verified(q.token);
    if (target.type === 'digest') await this.preferences.stopDigest(target.userId);
    else await this.preferences.unsubscribe(target.userId, target.type);
    return { unsubscribed: target.type };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  async read(@CurrentUser() user: AuthUser, @Param() p: NotificationIdParams): Promise<void> {
    await this.notifications.markRead(user.id, p.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your notifications' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  async remove(@CurrentUser() user: AuthUser, @Param() p: NotificationIdParams): Promise<void> {
    await this.notifications.remove(user.id, p.id);
  }

  private verified(token: string) {
    const target = this.links.verify(token);
    if (!target) {
      throw new ProblemException({
        status: 400,
        type: 'invalid-unsubscribe-link',
        title: 'Invalid unsubscribe link',
        errors: [{ field: 'token', messages: ['token was not issued by this service'] }],
      });
    }
    return target;
  }
}
