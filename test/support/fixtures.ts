import { Body, Controller, Module, Post } from '@nestjs/common';
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
@Controller('test-fixtures')
class EchoController {
  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Post('boom')
  boom(): never {
    throw new Error('secret internal detail: password=hunter2');
  }
}

@Module({ controllers: [EchoController] })
export class FixturesModule {}
