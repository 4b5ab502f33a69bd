import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiProblems } from '@nexus/core';
import { Roles } from '../auth/roles.decorator';
import {
  AdminListUsersQueryDto,
  AdminUpdateUserDto,
  AdminUserDto,
  AdminUserPageDto,
} from './dto/admin-users.dto';
import { AdminUsersService, AdminUserView } from './admin-users.service';

@ApiTags('users')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({
    summary: 'List users, newest first (keyset pagination; filter by role, status, prefix)',
  })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: AdminListUsersQueryDto,
  ): Promise<{ items: AdminUserView[]; nextCursor: string | null }> {
    return this.admin.list({ ...query, limit: query.limit ?? 20 });
  }

  @Patch(':id')
  @Roles('admin', 'moderator')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Change a user’s role or suspend/unsuspend them',
    description:
      'Admins only for roles. Moderators may suspend plain users. Suspension ends every session at once.',
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: AdminUpdateUserDto,
  ): Promise<AdminUserView> {
    return this.admin.update(actor, id, body);
  }
}
