import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { Public } from '@nexus/core';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TagDto } from '../articles/dto/article-response.dto';
import { HttpCacheInterceptor } from '../cache/http-cache.interceptor';
import { ViewCache } from '../cache/view-cache';
import { ApiProblems } from '@nexus/core';
import { TagCount, TagsService } from './tags.service';

@ApiTags('content')
@Controller('tags')
@UseInterceptors(HttpCacheInterceptor)
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @Public()
  @ViewCache('tags')
  @ApiOperation({
    summary: 'Tags of published articles, most used first (tag pages: GET /articles?tag=)',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: [TagDto] })
  @ApiProblems(304)
  list(): Promise<TagCount[]> {
    return this.tags.list();
  }
}
