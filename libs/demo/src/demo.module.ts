import { Module } from '@nestjs/common';
import { ContentModule } from '@nexus/content';
import { BulkDataGenerator } from './bulk-data-generator.service';
import { DemoDataSeeder } from './demo-data-seeder.service';

/**
 * Demo and benchmark data: not part of the product. The api composes it when `SEED_DEMO_DATA` is
 * on, the seed command always (for the bulk generator).
 */
@Module({
  imports: [ContentModule],
  providers: [DemoDataSeeder, BulkDataGenerator],
  exports: [DemoDataSeeder, BulkDataGenerator],
})
export class DemoModule {}
