/** @nexus/demo: demo data at start-up and the large benchmark data set (tools, not product code). */
export { DemoModule } from './demo.module';
export { DemoDataSeeder } from './demo-data-seeder.service';
export { BulkDataGenerator } from './bulk-data-generator.service';
export type { BulkSeedResult } from './bulk-data-generator.service';
/** Search terms of the benchmark data set, by selectivity (for `explainContentQueries`). */
export { SAMPLE_SEARCH_TERMS } from './sample-text';
