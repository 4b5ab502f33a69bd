import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { JwtAuthGuard } from './jwt-auth.guard';

/** Requires a valid access token (JwtAuthGuard) and documents the bearer scheme in Swagger. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(JwtAuthGuard), ApiBearerAuth('bearer'));
