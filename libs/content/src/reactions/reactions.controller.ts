import { Controller, Delete, Param, ParseUUIDPipe, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, JwtAuthGuard } from '@nexus/users';
import { ReactionStateDto } from '../articles/dto/article-response.dto';
import { ApiProblems } from '@nexus/core';
import { ReactionsService, ReactionState } from './reactions.service';

@ApiTags('reactions')
@ApiBearerAuth('bearer')
@Controller('articles/:id/reactions/like')
@UseGuards(JwtAuthGuard)
export class ReactionsController {
  constructor(private readonly reactions: ReactionsService) {}

  @Put()
  @ApiOperation({ summary: 'Like an article (idempotent)' })
  @ApiOkResponse({ type: ReactionStateDto })
  @ApiProblems(400, 401, 404, 409)
  like(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReactionState> {
    return this.reactions.like(user, id);
  }

  @Delete()
  @ApiOperation({ summary: 'Remove the like (idempotent)' })
  @ApiOkResponse({ type: ReactionStateDto })
  @ApiProblems(400, 401, 404, 409)
  unlike(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReactionState> {
    return this.reactions.unlike(user, id);
  }
}
