import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiProblems, OptionalAuth, PageQueryDto } from '@nexus/core';
import { AuthUser, CurrentUser, RequireVerifiedEmail } from '@nexus/users';
import { HttpCacheInterceptor } from '../cache/http-cache.interceptor';
import { CommentsService, CommentView } from './comments.service';
import { CommentDto, CommentPageDto } from './dto/comment-response.dto';
import { CreateCommentDto } from './dto/comment.dto';

const ARTICLE_ID = ApiParam({ name: 'id', format: 'uuid', description: 'Article id' });

@ApiTags('content')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('articles/:id/comments')
  @ARTICLE_ID
  @OptionalAuth()
  @UseInterceptors(HttpCacheInterceptor)
  @ApiOperation({
    summary: 'Comments of an article: top-level comments oldest first, each with its replies',
  })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiProblems(304, 400, 401, 404)
  list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser | undefined,
    @Query() query: PageQueryDto,
  ): Promise<{ items: CommentView[]; nextCursor: string | null }> {
    return this.comments.list(id, user, query);
  }

  @Post('articles/:id/comments')
  @RequireVerifiedEmail()
  @Throttle({ write: {} })
  @ARTICLE_ID
  @ApiOperation({
    summary: 'Comment on a published article, or reply to a top-level comment',
    description: 'Needs a verified email (403 `email-not-verified` otherwise).',
  })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentView> {
    return this.comments.create(user, id, body);
  }

  @Delete('comments/:id')
  @Throttle({ write: {} })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Comment id' })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a comment and its replies (its author, the article author or a moderator)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 429)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.comments.remove(user, id);
  }
}
