import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { fieldProblem, GraphqlContext, Public, RouteLimitTwin } from '@nexus/core';
import { AuthController } from '../auth/auth.controller';
import { ACCEPTED_MESSAGE, AuthService } from '../auth/auth.service';
import {
  AcceptedModel,
  LoginInput,
  RefreshArgs,
  RegisterInput,
  TokenPairModel,
  VerifyEmailArgs,
} from './users.graphql-types';

/**
 * The auth mutations: the same AuthService calls as `/api/v1/auth/*`, counted by the same route
 * limits on the same counters as their REST twins (each alias and each operation of a batch).
 */
@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AcceptedModel, {
    description:
      'Create an account and email a verification token. Same answer whether or not the email is registered.',
  })
  @Throttle({ auth: {} })
  @RouteLimitTwin(AuthController, 'register')
  @Public()
  async register(
    @Args('input') input: RegisterInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AcceptedModel> {
    await this.auth.register(input, ctx.req.clientIp);
    return { message: ACCEPTED_MESSAGE };
  }

  @Mutation(() => Boolean, { description: 'Confirm an email address with the emailed token' })
  @Throttle({ auth: {} })
  @RouteLimitTwin(AuthController, 'verifyEmail')
  @Public()
  async verifyEmail(@Args() args: VerifyEmailArgs): Promise<boolean> {
    await this.auth.verifyEmail(args.token);
    return true;
  }

  @Mutation(() => TokenPairModel, {
    // Nullable: each aliased attempt then fails on its own, as separate REST requests would.
    nullable: true,
    description:
      'Open a session (null with an error when refused). Failed attempts count towards the same lockout as REST login (per account and IP, and ' +
      'per IP), attempt by attempt, whether they come in aliases or batches.',
  })
  @Throttle({ auth: {} })
  @RouteLimitTwin(AuthController, 'login')
  @Public()
  login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext): Promise<TokenPairModel> {
    if (input.email !== undefined && input.username !== undefined) {
      throw fieldProblem('username', 'send either email or username, not both');
    }
    const { req } = ctx;
    // Attempts of one request run one after another: each failure is counted before the next
    // attempt is judged, as if they were separate REST requests.
    return ctx.loaders.serial('login', () =>
      this.auth.login((input.email ?? input.username)!, input.password, {
        ip: req.clientIp,
        userAgent: req.headers['user-agent'],
      }),
    );
  }

  @Mutation(() => TokenPairModel, {
    description: 'Exchange a refresh token for a new pair (rotation)',
  })
  @Public()
  refresh(@Args() args: RefreshArgs, @Context() ctx: GraphqlContext): Promise<TokenPairModel> {
    return this.auth.refresh(args.refreshToken, ctx.req.clientIp);
  }

  @Mutation(() => Boolean, { description: 'End the session of this refresh token (idempotent)' })
  @Public()
  async logout(@Args() args: RefreshArgs): Promise<boolean> {
    await this.auth.logout(args.refreshToken);
    return true;
  }
}
