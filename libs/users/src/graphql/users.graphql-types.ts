import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { exposeFields } from '@nexus/core';
import { LoginDto, RefreshDto, RegisterDto, VerifyEmailDto } from '../auth/dto/auth.dto';

/*
 * GraphQL types of the users module. Input types extend the REST DTOs, so both APIs validate
 * with the same class-validator rules and transforms (the global ValidationPipe runs on resolver
 * arguments too); only the GraphQL field declarations are added here.
 */

@ObjectType('User', { description: 'A public profile (what anyone may see of an account).' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  avatarUrl: string | null;
}

@ObjectType('Profile', { description: 'A public profile with its counts (the `user` query).' })
export class ProfileModel extends UserModel {
  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => Int)
  followerCount: number;

  @Field(() => Int)
  followingCount: number;

  @Field(() => Int)
  publishedArticleCount: number;

  @Field(() => String, { description: 'ISO 8601' })
  createdAt: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the caller follows this user; null for anonymous callers',
  })
  followedByMe?: boolean;
}

@ObjectType('Me', { description: "The caller's own account." })
export class MeModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  avatarUrl: string | null;

  @Field(() => String, { description: 'user, moderator or admin' })
  role: string;

  @Field()
  emailVerified: boolean;

  @Field(() => Int)
  followerCount: number;

  @Field(() => Int)
  followingCount: number;

  @Field(() => Int)
  publishedArticleCount: number;

  @Field(() => String, { description: 'ISO 8601' })
  createdAt: string;
}

@ObjectType('TokenPair')
export class TokenPairModel {
  @Field(() => String, { description: 'JWT; send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @Field(() => String, { description: 'Opaque, single use: each refresh returns a new one' })
  refreshToken: string;

  @Field(() => Int, { description: 'Access token lifetime in seconds' })
  expiresIn: number;

  @Field()
  tokenType: string;
}

@ObjectType('Accepted')
export class AcceptedModel {
  @Field()
  message: string;
}

@InputType('RegisterInput')
export class RegisterInput extends RegisterDto {}
exposeFields(RegisterInput, {
  email: Field(() => String),
  username: Field(() => String, { description: 'Lower-cased on input' }),
  password: Field(() => String),
  displayName: Field(() => String),
});

@InputType('LoginInput', { description: 'email or username, and the password' })
export class LoginInput extends LoginDto {}
exposeFields(LoginInput, {
  email: Field(() => String, { nullable: true }),
  username: Field(() => String, { nullable: true }),
  password: Field(() => String),
});

@ArgsType()
export class RefreshArgs extends RefreshDto {}
exposeFields(RefreshArgs, { refreshToken: Field(() => String) });

@ArgsType()
export class VerifyEmailArgs extends VerifyEmailDto {}
exposeFields(VerifyEmailArgs, {
  token: Field(() => String, { description: 'The token from the verification email' }),
});

@ArgsType()
export class UsernameArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(64)
  username: string;
}
