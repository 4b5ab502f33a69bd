import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, ClientIp } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { CurrentUser, Roles } from '@nexus/users';
import { BlocksService } from './blocks.service';
import { BlockDto, BlockListQueryDto, BlockPageDto, CreateBlockDto } from './dto/blocks.dto';
import type { IpBlock } from './ip-blocks.repository';

@ApiTags('security-analytics')
@Controller('admin/security/blocks')
@Roles('admin')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Get()
  @ApiOperation({
    summary: 'List active blocks, newest first (keyset pagination)',
    description: 'Active: not unblocked and not expired. Manual and automatic blocks alike.',
  })
  @ApiOkResponse({ type: BlockPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: BlockListQueryDto,
  ): Promise<{ items: IpBlock[]; nextCursor: string | null }> {
    return this.blocks.list({ limit: query.limit ?? 20, cursor: query.cursor });
  }

  @Post()
  @ApiOperation({
    summary: 'Block an address or CIDR block',
    description:
      'Every api instance refuses it (403) within about a second. Refused with a 400 naming the field: an invalid ' +
      'address or CIDR, a /0, an expiry in the past, and — unless `force` — a block covering the allowlist ' +
      '(ALLOWLIST_CIDRS) or the calling admin’s own address. Emits `security.ip.blocked`.',
  })
  @ApiCreatedResponse({ type: BlockDto })
  @ApiProblems(400, 401, 403)
  create(
    @Body() body: CreateBlockDto,
    @CurrentUser() admin: AuthUser,
    @ClientIp() ip: string,
  ): Promise<IpBlock> {
    return this.blocks.create(body, { id: admin.id, ip });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Unblock (revoke an active block)',
    description: 'Emits `security.ip.unblocked`.',
  })
  @ApiNoContentResponse({ description: 'Unblocked' })
  @ApiProblems(401, 403, 404)
  async remove(@Param('id') id: string, @CurrentUser() admin: AuthUser): Promise<void> {
    await this.blocks.revoke(id, { id: admin.id });
  }
}
