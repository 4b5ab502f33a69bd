import { Throttle } from '@nestjs/throttler';
import { Controller, Delete, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, RequireVerifiedEmail } from '@nexus/users';
import { ReactionStateDto } from '../articles/dto/article-response.dto';
import { ApiProblems } from '@nexus/core';
import { ReactionsService, ReactionState } from './reactions.service';

@ApiTags('content')
@ApiParam({ name: 'id', format: 'uuid', description: 'Article id' })
@Controller('articles/:id/reactions/like')
export class ReactionsController {
  constructor(private readonly reactions: ReactionsService) {}

  @Put()
  @RequireVerifiedEmail()
  @Throttle({ write: {} })
  @ApiOperation({
    summary: 'Like an article (idempotent)',
    description: 'Needs a verified email (403 `email-not-verified` otherwise).',
  })
  @ApiOkResponse({ type: ReactionStateDto })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  like(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReactionState> {
    return this.reactions.like(user, id);
  }

  @Delete()
  @Throttle({ write: {} })
  @ApiOperation({ summary: 'Remove the like (idempotent)' })
  @ApiOkResponse({ type: ReactionStateDto })
  @ApiProblems(400, 401, 404, 409, 429)
  unlike(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReactionState> {
    return this.reactions.unlike(user, id);
  }
}
