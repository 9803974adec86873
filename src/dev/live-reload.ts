import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Diagnostic } from '../catalog/diagnostics.ts';

/** What the page is told: a new build to reload, or the problems that keep the last good one served. */
export type DevEvent = { type: 'built' } | { type: 'errors'; diagnostics: ShownDiagnostic[] };

/** A diagnostic as the overlay shows it: the path as the terminal prints it. */
export interface ShownDiagnostic {
  location: string;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint?: string;
}

/**
 * The open pages' Server-Sent Events streams. A page that connects while the last build failed
 * is told its errors at once, so a reload does not hide the overlay.
 */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private last: DevEvent | undefined;

  /** Answers a request for the event stream and keeps it open. */
  connect(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    // No idle timeout on a stream that may stay quiet for long; a comment every so often keeps proxies from closing it.
    req.socket.setTimeout(0);
    res.write(': portolan dev\n\n');
    if (this.last?.type === 'errors') res.write(frame(this.last));
    this.clients.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.once('close', () => {
      clearInterval(keepAlive);
      this.clients.delete(res);
    });
  }

  /** Tells every open page. */
  send(event: DevEvent): void {
    this.last = event;
    for (const client of this.clients) client.write(frame(event));
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function frame(event: DevEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.type === 'errors' ? event.diagnostics : {})}\n\n`;
}
