import { CoreEmailDeliveries1764140000000 } from './1764140000000-core-email-deliveries';
import { CoreTypeormMetadata1764140000001 } from './1764140000001-core-typeorm-metadata';
import { CoreOutboxEvents1764500000000 } from './1764500000000-core-outbox-events';
import { CoreEmailHeaders1764700000050 } from './1764700000050-core-email-headers';

/** Core's own schema, in order. Feature libs export theirs from their index. */
export const coreMigrations = [
  CoreEmailDeliveries1764140000000,
  CoreTypeormMetadata1764140000001,
  CoreOutboxEvents1764500000000,
  CoreEmailHeaders1764700000050,
];
