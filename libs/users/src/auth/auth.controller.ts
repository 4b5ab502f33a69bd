import { Throttle } from '@nestjs/throttler';
import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, ClientIp, ProblemException, Public } from '@nexus/core';
import { ACCEPTED_MESSAGE, AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import {
  AcceptedDto,
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  TokenPairDto,
  VerifyEmailDto,
} from './dto/auth.dto';
import { TokenPair } from './sessions.service';

@ApiTags('users')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Throttle({ auth: {} })
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Create an account',
    description:
      'Creates an unverified account and emails a verification token. The answer is the same 202 whether or not ' +
      'the email is already registered (its owner is told by email instead), so this endpoint cannot be used to ' +
      'discover accounts. A taken username is a 409: usernames are public. The username is reserved for the ' +
      '24 h verification window either way, and the account has no public profile until verified. Limited per ' +
      'client IP and in total per hour (429 with Retry-After).',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiProblems(400, 409, 429)
  async register(@Body() body: RegisterDto, @ClientIp() ip: string): Promise<AcceptedDto> {
    await this.auth.register(body, ip);
    return { message: ACCEPTED_MESSAGE };
  }

  @Post('verify-email')
  @Throttle({ auth: {} })
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an email address with the emailed token (single use, 24 h)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['emailVerified'],
      properties: { emailVerified: { type: 'boolean', enum: [true] } },
      example: { emailVerified: true },
    },
  })
  @ApiProblems(400, 429)
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<{ emailVerified: true }> {
    await this.auth.verifyEmail(body.token);
    return { emailVerified: true };
  }

  @Post('verify-email/resend')
  @Throttle({ auth: {} })
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new verification email to the caller (3 per hour)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiProblems(401, 409, 429)
  async resendVerification(@CurrentUser() user: AuthUser): Promise<AcceptedDto> {
    await this.auth.resendVerification(user.id);
    return { message: 'A new verification email is on its way.' };
  }

  @Post('login')
  @Throttle({ auth: {} })
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with email (or username) and password',
    description:
      'Opens a session. After 5 failed attempts for one account from one IP within 15 minutes (or 50 from one IP), ' +
      'further attempts get 429 with Retry-After; the cool-off doubles with each lockout in a day. Success resets it.',
  })
  // Either email or username: an example built from every property would send both (a 400).
  @ApiBody({
    type: LoginDto,
    examples: {
      email: {
        summary: 'By email',
        value: { email: 'ada@example.com', password: 'correct horse battery staple' },
      },
      username: {
        summary: 'By username',
        value: { username: 'ada_l', password: 'correct horse battery staple' },
      },
    },
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 403, 429)
  login(
    @Body() body: LoginDto,
    @ClientIp() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<TokenPair> {
    if (body.email !== undefined && body.username !== undefined) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'One or more fields are invalid.',
        errors: [{ field: 'username', messages: ['send either email or username, not both'] }],
      });
    }
    return this.auth.login((body.email ?? body.username)!, body.password, { ip, userAgent });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Every refresh rotates the refresh token. Presenting an already-rotated token revokes the whole session ' +
      '(theft detection) and answers 401.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, ip);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token (idempotent)' })
  @ApiNoContentResponse({ description: 'Session ended (or was already unknown)' })
  @ApiProblems(400)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the caller, this one included' })
  @ApiNoContentResponse({ description: 'All sessions ended' })
  @ApiProblems(401)
  async logoutAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logoutAll(user.id);
  }

  @Post('password/forgot')
  @Throttle({ auth: {}, email: {} })
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset email',
    description:
      'Always the same 202, whether or not the address has an account; only a known address gets an email.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiProblems(400, 429)
  async forgotPassword(
    @Body() body: ForgotPasswordDto,
    @ClientIp() ip: string,
  ): Promise<AcceptedDto> {
    await this.auth.forgotPassword(body.email, ip);
    return { message: ACCEPTED_MESSAGE };
  }

  @Post('password/reset')
  @Throttle({ auth: {} })
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the emailed token (single use, 1 h); signs out every session',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400, 429)
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(body.token, body.newPassword);
  }
}
