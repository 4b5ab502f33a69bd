import { Module } from '@nestjs/common';
import { __Name__Controller } from './__name__/__name__.controller';
import { __Name__Repository } from './__name__/__name__.repository';
import { __Name__Service } from './__name__/__name__.service';

/**
 * __Name__ and its REST API. The DataSource, DomainEvents and KeysetCursors come from the global
 * CoreModule; the repository stays private, other modules call the service.
 */
@Module({
  controllers: [__Name__Controller],
  providers: [__Name__Repository, __Name__Service],
  exports: [__Name__Service],
})
export class __Name__Module {}
