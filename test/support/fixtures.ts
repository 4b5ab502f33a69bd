import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { ClientIp, MailService, Public, RequestContext } from '@nexus/core';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class AddressDto {
  @IsString()
  @MaxLength(50)
  city: string;
}

export class EchoDto {
  @IsEmail()
  email: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

/** A validated POST endpoint for testing the request pipeline itself. */
@Public()
@Controller('test-fixtures')
class EchoController {
  constructor(private readonly mail: MailService) {}

  @Post('mail')
  async sendMail(): Promise<{ id: string }> {
    const d = await this.mail.send({
      to: 'ctx@example.com',
      template: 'plain',
      context: { subject: 'Hi', body: 'ctx' },
    });
    return { id: d.id };
  }

  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Get('context')
  async context(@ClientIp() ip: string): Promise<{ requestId?: string; ip: string }> {
    // Crosses a timer: the request context must survive it (this is what the fixture tests).
    await new Promise((r) => setTimeout(r, 1));
    return { requestId: RequestContext.requestId(), ip };
  }

  @Post('boom')
  boom(): never {
    throw new Error('secret internal detail: password=hunter2');
  }
}

@Module({ controllers: [EchoController] })
export class FixturesModule {}
