import { serialize } from 'pg-protocol';
import { ThreadPgConnection } from './thread-pg-connection';

/** A backend answer: CommandComplete ("SELECT 1") then ReadyForQuery (idle). */
function answer(): Uint8Array {
  const tag = Buffer.from('SELECT 1\0');
  const complete = Buffer.alloc(5 + tag.length);
  complete.write('C', 0);
  complete.writeInt32BE(4 + tag.length, 1);
  tag.copy(complete, 5);
  const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
  return Buffer.concat([complete, ready]);
}

describe('ThreadPgConnection', () => {
  it('sends the messages of one turn as one request and emits the answers in order', async () => {
    const sent: Buffer[] = [];
    const conn = new ThreadPgConnection(async (data) => {
      sent.push(Buffer.from(data));
      return answer();
    });
    const events: string[] = [];
    conn.on('commandComplete', (m: { text: string }) => events.push(`complete ${m.text}`));
    conn.on('readyForQuery', () => events.push('ready'));
    const ready = new Promise((resolve) => conn.once('readyForQuery', resolve));
    conn.parse({ text: 'SELECT 1' });
    conn.bind({});
    conn.execute({});
    conn.sync();
    await ready;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(
      Buffer.concat([
        serialize.parse({ text: 'SELECT 1' }),
        serialize.bind({}),
        serialize.execute({}),
        serialize.sync(),
      ]),
    );
    expect(events).toEqual(['complete SELECT 1', 'ready']);
  });

  it('reports a failed exchange as an error event, handled at once even behind a pending answer', async () => {
    let releaseFirst!: (v: Uint8Array) => void;
    const first = new Promise<Uint8Array>((resolve) => (releaseFirst = resolve));
    const second = Promise.reject(new Error('thread gone'));
    // Node counts a rejection with no handler by the end of its turn as unhandled (and exits
    // on it): the second answer must get one before the first is parsed.
    const handled = jest.spyOn(second, 'then');
    const exchanges = [first, second];
    const conn = new ThreadPgConnection(() => exchanges.shift()!);
    const failed = new Promise<Error>((resolve) => conn.once('error', resolve));
    conn.query('SELECT 1');
    await Promise.resolve();
    conn.query('SELECT 2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toHaveBeenCalled();
    releaseFirst(answer());
    expect((await failed).message).toBe('thread gone');
  });
});
