/**
 * An AsyncAPI document describes its application's side of each operation; the portal's reader
 * is the other side. AsyncAPI 2 says it the other way round: under a channel, `subscribe` is what
 * consumers may do (the application publishes, the reader subscribes and receives), `publish` what
 * consumers may send (the application consumes). AsyncAPI 3 says what the application does:
 * `send` (the reader receives) or `receive` (the reader sends).
 */
const readerActions: Record<string, 'send' | 'receive'> = {
  subscribe: 'receive',
  publish: 'send',
  send: 'receive',
  receive: 'send',
};

/** What the reader does for an operation's keyword as written (2.x `publish`/`subscribe`, 3.x `action`); undefined for any other. */
export function readerActionOf(keyword: string | undefined): 'send' | 'receive' | undefined {
  return keyword !== undefined && Object.hasOwn(readerActions, keyword) ? readerActions[keyword] : undefined;
}
