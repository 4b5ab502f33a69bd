import { CoreEmailDeliveries1764140000000 } from './1764140000000-core-email-deliveries';
import { CoreTypeormMetadata1764140000001 } from './1764140000001-core-typeorm-metadata';
import { CoreOutboxEvents1764500000000 } from './1764500000000-core-outbox-events';

/** Core's own schema, in order. Feature libs export theirs from their index. */
export const coreMigrations = [
  CoreEmailDeliveries1764140000000,
  CoreTypeormMetadata1764140000001,
  CoreOutboxEvents1764500000000,
];
