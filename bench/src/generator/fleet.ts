import { monoMs } from "../clock";
import { Histogram } from "../histogram";
import { SeqLedger, StreamChecker, ViolationLog } from "../order-checker";
import type { ChatClient, ClientEvents } from "./clients";
import type { FinishReport } from "./protocol";

/**
 * A message body is `<tag> <monoMs at send>`: the tag names the phase or step it belongs to,
 * and the time lets any receiver, in any generator process, time the delivery on its own.
 */
export const bodyOf = (tag: string, sentAt: number) => `${tag} ${sentAt.toFixed(3)}`;

/** clientId `bench-<socket id>-<n>`: unique in the run, and it names the sending socket. */
const clientIdOf = (client: ChatClient) => `bench-${client.id}-${client.sent}`;
export function senderOf(clientId: string): number {
  return Number(clientId.slice(6, clientId.indexOf("-", 6)));
}

/** Figures of the phase (or ladder step) in progress. */
export class PhaseStats {
  readonly latency = new Histogram();
  readonly ack = new Histogram();
  readonly sendLag = new Histogram();
  /** Message frames of this phase received, per socket. */
  readonly received = new Map<ChatClient, number>();
  /** Sends of this phase per room, to know what each member should receive. */
  readonly sentByRoom = new Map<string, number>();
  deliveries = 0;
  sent = 0;
  firstSendAt: number | null = null;
  lastDeliveryAt: number | null = null;

  constructor(readonly tag: string) {}
}

/** Hooks a phase sets to react to traffic (ping-pong replies, the throughput window). */
export interface PhaseHooks {
  /** A message of the current phase reached `client`; `sender` is the sending socket's id. */
  delivered?(client: ChatClient, sender: number, body: string, at: number): void;
  /** One of `client`'s sends was acked. */
  acked?(client: ChatClient, at: number): void;
}

/**
 * This worker's sockets and everything that flows through them: it sends for the phases,
 * times deliveries and acks, and checks every socket's stream for order, gaps, duplicates
 * and (with the other workers' ledgers) agreement on which message holds each seq.
 */
export class Fleet implements ClientEvents {
  readonly clients: ChatClient[] = [];
  readonly violations = new ViolationLog();
  readonly errors = new Map<string, number>();
  /** Messages sent per room by this worker. */
  readonly sentByRoom = new Map<string, number>();
  private readonly checkers = new Map<ChatClient, StreamChecker>();
  private readonly ledgers = new Map<string, SeqLedger>();
  /** clientId -> send time, until acked (Parley only). */
  private readonly unacked = new Map<string, number>();
  phase = new PhaseStats("none");
  hooks: PhaseHooks = {};

  constructor(private readonly sharedRooms: ReadonlySet<string>) {}

  add(client: ChatClient): void {
    this.clients.push(client);
    if (client.room) this.checkers.set(client, new StreamChecker(`socket${client.id}`, 0, this.violations));
  }

  begin(tag: string, hooks: PhaseHooks = {}): PhaseStats {
    this.phase = new PhaseStats(tag);
    this.hooks = hooks;
    return this.phase;
  }

  send(client: ChatClient, sentAt = monoMs(), body = bodyOf(this.phase.tag, sentAt)): void {
    const clientId = clientIdOf(client);
    client.sent += 1;
    if (client.acks) this.unacked.set(clientId, sentAt);
    const room = client.room ?? "";
    this.sentByRoom.set(room, (this.sentByRoom.get(room) ?? 0) + 1);
    this.phase.sentByRoom.set(room, (this.phase.sentByRoom.get(room) ?? 0) + 1);
    this.phase.sent += 1;
    this.phase.firstSendAt ??= sentAt;
    client.send(clientId, body);
  }

  get errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n + this.violations.total;
  }

  get outstandingAcks(): number {
    return this.unacked.size;
  }

  countError(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  message(client: ChatClient, seq: number, id: string, clientId: string, body: string, at: number): void {
    this.checkers.get(client)?.accept(seq);
    this.ledger(client.room).record(`socket${client.id}`, seq, id);
    const space = body.indexOf(" ");
    const phase = this.phase;
    // A message of an earlier step that arrives after its drain gave up: that step already
    // reported itself incomplete; the stream checker still sees the seq.
    if (body.slice(0, space) !== phase.tag) return;
    phase.latency.record(at - Number(body.slice(space + 1)));
    phase.deliveries += 1;
    phase.received.set(client, (phase.received.get(client) ?? 0) + 1);
    phase.lastDeliveryAt = at;
    this.hooks.delivered?.(client, senderOf(clientId), body, at);
  }

  ack(client: ChatClient, clientId: string, seq: number, id: string, duplicate: boolean, at: number): void {
    this.ledger(client.room).record("ack", seq, id);
    const sentAt = this.unacked.get(clientId);
    if (sentAt === undefined) {
      this.countError("unexpected ack");
      return;
    }
    this.unacked.delete(clientId);
    // A fresh clientId can only come back as a duplicate if the server mixed up two sends.
    if (duplicate) this.countError("ack marked duplicate");
    this.phase.ack.record(at - sentAt);
    this.hooks.acked?.(client, at);
  }

  error(kind: string): void {
    this.countError(kind);
  }

  broken(client: ChatClient, reason: string): void {
    this.countError(`socket ${client.id}: ${reason}`);
  }

  /** Whether every local socket of the phase received `expected(client)` messages. */
  allReceived(expected: (client: ChatClient) => number): boolean {
    for (const client of this.clients) {
      if (client.room && (this.phase.received.get(client) ?? 0) < expected(client)) return false;
    }
    return true;
  }

  /** End of the phase: missing seqs, unacked sends, and the ledgers the coordinator compares. */
  finish(lastSeqByRoom: Record<string, number>): FinishReport {
    for (const [client, checker] of this.checkers) {
      const room = client.room ?? "";
      checker.finish(lastSeqByRoom[room] ?? this.sentByRoom.get(room) ?? 0);
    }
    if (this.unacked.size > 0) this.errors.set("never acked", this.unacked.size);
    const ledgers: FinishReport["ledgers"] = {};
    for (const [room, ledger] of this.ledgers)
      if (this.sharedRooms.has(room)) ledgers[room] = ledger.entries();
    return {
      errors: Object.fromEntries(this.errors),
      violations: { counts: { ...this.violations.counts }, examples: [...this.violations.examples] },
      ledgers,
    };
  }

  close(): void {
    for (const client of this.clients) client.close();
    this.clients.length = 0;
  }

  private ledger(room: string | null): SeqLedger {
    const key = room ?? "";
    let ledger = this.ledgers.get(key);
    if (!ledger) {
      ledger = new SeqLedger(this.violations);
      this.ledgers.set(key, ledger);
    }
    return ledger;
  }
}
