import { Body, Controller, Delete, Get, Headers, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExcludeController,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiProblems, Public } from '@nexus/core';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { BlocksService } from '../blocks/blocks.service';
import { BlockDto, BlockPageDto, CreateBlockDto } from '../blocks/dto/blocks.dto';
import type { IpBlock } from '../blocks/ip-blocks.repository';
import { OperatorTokenGuard } from './operator-access';

export class CidrQueryDto {
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  cidr: string;
}

/** Who the CLI says it runs as, kept short and printable. */
const cliActor = (name?: string) =>
  `cli:${(name ?? 'operator').replace(/[^\w.@-]/g, '').slice(0, 40) || 'operator'}`;

/**
 * The blocks API for `npm run cli` against a running embedded api (operator token from
 * `DATA_DIR/.operator.json`, see OperatorAccess): 404 without the token, and always in full mode
 * (where the CLI writes the database itself).
 * Not in the OpenAPI document: no API client can hold the token, and full mode never serves it.
 */
@ApiExcludeController()
@ApiTags('security-analytics')
@ApiHeader({
  name: 'X-Operator-Token',
  required: true,
  description: 'Embedded mode only: the token the api wrote to DATA_DIR/.operator.json (the CLI)',
})
@Controller('admin/security/cli/blocks')
@Public()
@SkipThrottle()
@UseGuards(OperatorTokenGuard)
export class CliBlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Get()
  @ApiOperation({ summary: 'CLI: list active blocks' })
  @ApiOkResponse({ type: BlockPageDto })
  @ApiProblems(404)
  list(): Promise<{ items: IpBlock[]; nextCursor: string | null }> {
    return this.blocks.list({ limit: 500 });
  }

  @Post()
  @ApiOperation({ summary: 'CLI: block an address or CIDR block' })
  @ApiCreatedResponse({ type: BlockDto })
  @ApiProblems(400, 404)
  create(
    @Body() body: CreateBlockDto,
    @Headers('x-operator-name') name?: string,
  ): Promise<IpBlock> {
    return this.blocks.create(body, { id: cliActor(name) });
  }

  @Delete()
  @ApiOperation({ summary: 'CLI: unblock every active block of exactly this address or CIDR' })
  @ApiOkResponse({ type: [BlockDto] })
  @ApiProblems(400, 404)
  remove(
    @Query() query: CidrQueryDto,
    @Headers('x-operator-name') name?: string,
  ): Promise<IpBlock[]> {
    return this.blocks.revokeCidr(query.cidr, { id: cliActor(name) });
  }
}

export { cliActor };
