import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@nexus/core';

class PingResponse {
  @ApiProperty({ example: 'pong' })
  message: string;
}

/** A trivial /api/v1 route: the benchmark's measure of the bare pipeline cost. */
@ApiTags('system')
@Public()
@Controller('ping')
export class SystemController {
  @Get()
  @ApiOperation({ summary: 'Answers `pong` (the bare cost of the request pipeline)' })
  @ApiOkResponse({ type: PingResponse })
  ping(): PingResponse {
    return { message: 'pong' };
  }
}
