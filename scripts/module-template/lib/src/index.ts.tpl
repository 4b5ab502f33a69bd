/** @nexus/__name__: __itemWords__ records owned by members (scaffolded by `npm run generate:module`). */
export { __Name__Module } from './__name__.module';
export { __nameCamel__Migrations } from './migrations';

// What other modules may call.
export { __Name__Service } from './__name__/__name__.service';
export type { __Item__, __Item__Page } from './__name__/__name__.repository';

// Domain events: names and payload classes.
export * from './__name__.events';
