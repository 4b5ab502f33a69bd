import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trim, TrimLower } from '@nexus/core';
import { USERNAME_PATTERN } from '../../users/usernames';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';
import { NotReservedUsername } from '../../users/dto/not-reserved-username';
import { SingleLineText } from '@nexus/core';

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 320 })
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({
    example: 'ada_l',
    pattern: USERNAME_PATTERN.source,
    description: 'Lower-cased on input',
  })
  @TrimLower()
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message:
      'username must be 3-30 characters: letters, digits, "_" or "-", starting with a letter or digit',
  })
  @NotReservedUsername()
  @SingleLineText()
  username: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 80 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  @SingleLineText()
  displayName: string;
}

export class VerifyEmailDto {
  @ApiProperty({
    example: 'q9A2...base64url',
    description: 'The token from the verification email',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class LoginDto {
  @ApiPropertyOptional({
    example: 'ada@example.com',
    description: 'Email (or username). One of email/username is required.',
  })
  @ValidateIf((o: LoginDto) => o.username === undefined || o.email !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: 'ada_l', description: 'Username, instead of email' })
  @ValidateIf((o: LoginDto) => o.username !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  username?: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    example: 'hZ3k...base64url',
    description: 'The refresh token from login or the last refresh',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'Xk1f...base64url', description: 'The token from the reset email' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'a new long passphrase', minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
}

export class TokenPairDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' })
  accessToken: string;

  @ApiProperty({
    example: 'hZ3kq...base64url',
    description: 'Opaque; single use — each refresh returns a new one',
  })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';
}

export class AcceptedDto {
  @ApiProperty({ example: 'If the details are valid, we have sent an email with the next step.' })
  message: string;
}
