import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, Public } from '@nexus/core';
import { AuthUser, CurrentUser } from '@nexus/users';
import {
  Create__Item__Dto,
  __Item__Dto,
  __Item__IdParams,
  __Item__PageDto,
  List__Name__QueryDto,
} from './dto/__name__.dto';
import { __Item__, __Item__Page } from './__name__.repository';
import { __Name__Service } from './__name__.service';

/**
 * Every route needs an access token (the global guard) unless marked `@Public()`: reads are
 * public, writes carry no auth decorator at all.
 */
@ApiTags('__name__')
@Controller('__name__')
export class __Name__Controller {
  constructor(private readonly service: __Name__Service) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '__Name__, newest first (optionally one member’s)' })
  @ApiOkResponse({ type: __Item__PageDto })
  @ApiProblems(400)
  list(@Query() query: List__Name__QueryDto): Promise<__Item__Page> {
    return this.service.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One __itemWords__' })
  @ApiOkResponse({ type: __Item__Dto })
  @ApiProblems(400, 404)
  get(@Param() params: __Item__IdParams): Promise<__Item__> {
    return this.service.get(params.id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a __itemWords__ owned by the caller' })
  @ApiCreatedResponse({ type: __Item__Dto })
  @ApiProblems(400, 401)
  create(@CurrentUser() user: AuthUser, @Body() body: Create__Item__Dto): Promise<__Item__> {
    return this.service.create(user.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of the caller’s __name__' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@CurrentUser() user: AuthUser, @Param() params: __Item__IdParams): Promise<void> {
    await this.service.delete(user.id, params.id);
  }
}
