import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * Emits a domain event after the write it describes has committed. Listener failures are logged,
 * never turned into the caller's error: the write happened and the client must hear so.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('UsersEvents');

  constructor(private readonly emitter: EventEmitter2) {}

  async emit(name: string, payload: object): Promise<void> {
    try {
      await this.emitter.emitAsync(name, payload);
    } catch (e) {
      this.logger.error({ err: e, event: name }, 'event listener failed');
    }
  }
}
