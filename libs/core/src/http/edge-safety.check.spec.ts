import {
  CallHandler,
  CanActivate,
  Controller,
  Get,
  Injectable,
  Module,
  NestInterceptor,
  OnModuleInit,
  Post,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Provider } from '@nestjs/common';
import { EdgeSafetyCheck } from './edge-safety.check';
import { HttpPipeline } from './http-pipeline';
import { EdgeSafe, NeedsCaller, OptionalAuth, Public } from './route-access';

/** An edge step that may answer the routes flagged `{ cached: true }` in their route config. */
@Injectable()
class CachingStep implements OnModuleInit {
  constructor(private readonly pipeline: HttpPipeline) {}
  onModuleInit(): void {
    this.pipeline.use(50, 'test-cache', () => false, {
      answers: (route) => route.method === 'GET' && route.config.cached === true,
    });
  }
}

@EdgeSafe('lets anonymous requests through')
class SafeGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

class UnsafeGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

class UnsafeInterceptor implements NestInterceptor {
  intercept(_: unknown, next: CallHandler) {
    return next.handle();
  }
}

async function boot(controller: Type<unknown>, providers: Provider[] = []): Promise<void> {
  @Module({
    controllers: [controller],
    providers: [HttpPipeline, EdgeSafetyCheck, CachingStep, ...providers],
  })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  try {
    await moduleRef.init();
  } finally {
    await moduleRef.close();
  }
}

describe('EdgeSafetyCheck', () => {
  it('boots when every route an edge step may answer is public or optional-auth', async () => {
    @Controller('things')
    class ThingsController {
      @Get()
      @Public()
      @RouteConfig({ cached: true })
      list() {}

      @Get(':id')
      @OptionalAuth()
      @RouteConfig({ cached: true })
      get() {}

      @Post()
      create() {}

      @Get('mine/all')
      mine() {}
    }
    await expect(
      boot(ThingsController, [{ provide: APP_GUARD, useClass: SafeGuard }]),
    ).resolves.toBeUndefined();
  });

  it('refuses to start when an edge step may answer a route that needs authentication', async () => {
    @Controller('things')
    class ThingsController {
      @Get(':id')
      @RouteConfig({ cached: true })
      get() {}
    }
    await expect(boot(ThingsController)).rejects.toThrow(
      'edge step "test-cache" may answer GET /things/:id (ThingsController.get), which requires authentication',
    );
  });

  it('counts a route that needs a caller (e.g. @Roles) as authenticated, even if marked public', async () => {
    @Public()
    @Controller('admin')
    class AdminController {
      @Get('report')
      @NeedsCaller()
      @RouteConfig({ cached: true })
      report() {}
    }
    await expect(boot(AdminController)).rejects.toThrow(
      /GET \/admin\/report \(AdminController\.report\), which requires authentication/,
    );
  });

  it('refuses to start when a route an edge step may answer has an interceptor not declared edge-safe', async () => {
    @Controller('things')
    @UseInterceptors(UnsafeInterceptor)
    class ThingsController {
      @Get()
      @Public()
      @RouteConfig({ cached: true })
      list() {}
    }
    await expect(boot(ThingsController)).rejects.toThrow(
      'edge step "test-cache" may answer GET /things (ThingsController.list), whose UnsafeInterceptor is not declared @EdgeSafe',
    );
  });

  it.each([
    ['guard', { provide: APP_GUARD, useClass: UnsafeGuard }, 'UnsafeGuard'],
    ['interceptor', { provide: APP_INTERCEPTOR, useClass: UnsafeInterceptor }, 'UnsafeInterceptor'],
  ])('refuses to start with a global %s not declared edge-safe', async (_, provider, name) => {
    @Controller('things')
    class ThingsController {
      @Get()
      @Public()
      list() {}
    }
    await expect(boot(ThingsController, [provider])).rejects.toThrow(
      `global ${name} is not declared @EdgeSafe`,
    );
  });
});
