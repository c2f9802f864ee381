import { randomUUID } from "node:crypto";
import {
  CLIENT_FRAME,
  type ErrorFrame,
  type Message,
  SERVER_FRAME,
  type ServerFrame,
} from "@parley/protocol";
import type { BenchSocket } from "./bench-socket";
import { SeqLedger, StreamChecker, ViolationLog } from "./order-checker";
import { newPhase, type PhaseRecorder } from "./phase-recorder";

/** One connected bench user. */
export interface Member {
  index: number;
  socket: BenchSocket;
}

/** A send in flight or waiting for its last delivery. Dropped once acked and fully delivered. */
interface Pending {
  phase: PhaseRecorder;
  member: Member;
  body: string;
  sentAt: number;
  acked: boolean;
  failed: boolean;
  deliveries: number;
}

/** The body carries the send time and a unique id, so a receiver can time it on its own. */
const BODY = /^bench (\S+) t=(\d+(?:\.\d+)?)$/;
export const messageBody = (clientId: string, sentAt: number) => `bench ${clientId} t=${sentAt.toFixed(3)}`;

/**
 * Everything that flows through the room during a run: it sends for the phases, times acks
 * and deliveries, and checks every receiver's stream for order, gaps and duplicates.
 */
export class Traffic {
  readonly violations = new ViolationLog();
  readonly errors = new Map<string, number>();
  private readonly ledger = new SeqLedger(this.violations);
  private readonly checkers: StreamChecker[] = [];
  private readonly pending = new Map<string, Pending>();
  private current: PhaseRecorder | undefined;
  /** Set when a socket broke: the waits give up at once instead of running into the deadline. */
  broken: string | undefined;
  /** Told when a send of `sender` is settled (acked or refused): the throughput window. */
  onSettled: ((sender: number) => void) | undefined;

  constructor(
    readonly roomId: string,
    readonly memberCount: number,
  ) {}

  /** Starts checking a receiver's stream from the cursor it synced from. */
  watch(index: number, afterSeq: number): void {
    this.checkers[index] = new StreamChecker(`user${index}`, afterSeq, this.violations);
  }

  /**
   * `retryRateLimited`: a send refused with RATE_LIMITED is sent again (same clientId, same
   * body, so its latency still counts from the first attempt) after the wait the server names,
   * as a real client would. Otherwise the refusal is an error.
   */
  begin(name: string, options: { retryRateLimited: boolean }): PhaseRecorder {
    this.current = newPhase(name, options.retryRateLimited);
    return this.current;
  }

  send(member: Member): void {
    const phase = this.current;
    if (!phase) throw new Error("send outside a phase");
    const clientId = randomUUID();
    const sentAt = performance.now();
    const body = messageBody(clientId, sentAt);
    this.pending.set(clientId, {
      phase,
      member,
      body,
      sentAt,
      acked: false,
      failed: false,
      deliveries: 0,
    });
    phase.sent += 1;
    phase.firstSendAt ??= sentAt;
    this.transmit(member, clientId, body);
  }

  private transmit(member: Member, clientId: string, body: string): void {
    member.socket.send({ type: CLIENT_FRAME.SEND, roomId: this.roomId, clientId, body });
  }

  /** Handler for every frame any member's socket receives. */
  onFrame(receiver: number, frame: ServerFrame, at: number): void {
    switch (frame.type) {
      case SERVER_FRAME.ACK:
        this.onAck(frame.clientId, frame.message.seq, frame.message.id, frame.duplicate, at);
        break;
      case SERVER_FRAME.MESSAGE:
        this.onMessage(receiver, frame.message, at);
        break;
      case SERVER_FRAME.ERROR:
        this.onError(frame);
        break;
      case SERVER_FRAME.RESYNC:
        // The server gave up replaying to this receiver: its stream has a hole by design.
        this.countError("room.resync");
        break;
    }
  }

  countError(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  /** Sends of this phase not yet acked and delivered to every member (refused ones excluded). */
  outstanding(phase: PhaseRecorder): number {
    let n = 0;
    for (const p of this.pending.values()) if (p.phase === phase) n += 1;
    return n;
  }

  /** Ends the run: every receiver must have got every seq the room reached. */
  finish(): void {
    const last = this.ledger.highestSeq;
    for (const checker of this.checkers) checker?.finish(last);
    for (const p of this.pending.values()) {
      if (!p.acked) this.countError("never acked");
      else this.countError("not delivered to every member");
    }
  }

  private onError(frame: ErrorFrame): void {
    const clientId = frame.clientId ?? "";
    const p = this.pending.get(clientId);
    if (p && !p.acked && frame.error.code === "RATE_LIMITED" && p.phase.retryRateLimited) {
      p.phase.rateLimited += 1;
      // `details` is `unknown` in the protocol; RATE_LIMITED carries retryAfterSeconds there.
      const details = frame.error.details as { retryAfterSeconds?: unknown } | undefined;
      const wait = typeof details?.retryAfterSeconds === "number" ? details.retryAfterSeconds : 1;
      setTimeout(() => {
        if (!this.broken) this.transmit(p.member, clientId, p.body);
      }, wait * 1000);
      return;
    }
    this.countError(`error frame ${frame.error.code}`);
    if (p) this.settle(clientId, p, { failed: true });
  }

  private onAck(clientId: string, seq: number, id: string, duplicate: boolean, at: number): void {
    this.ledger.record("ack", seq, id);
    const p = this.pending.get(clientId);
    if (!p || p.acked) {
      this.countError("unexpected ack");
      return;
    }
    // A fresh clientId can only be a duplicate if the server mixed up two sends.
    if (duplicate) this.countError("ack marked duplicate");
    p.phase.ackLatencies.push(at - p.sentAt);
    p.phase.acked += 1;
    p.phase.lastAckAt = at;
    this.settle(clientId, p, { acked: true });
  }

  private onMessage(receiver: number, message: Message, at: number): void {
    this.checkers[receiver]?.accept(message.seq);
    this.ledger.record(`user${receiver}`, message.seq, message.id);
    const match = BODY.exec(message.body);
    if (!match || match[1] !== message.clientId) {
      this.countError("message not sent by this run");
      return;
    }
    // Already complete: this is an extra copy, which the stream checker has counted.
    const p = this.pending.get(message.clientId);
    if (!p) return;
    const phase = p.phase;
    phase.deliveredFrames += 1;
    // Latency at the other members; the sender's own copy is the echo of its ack.
    if (receiver !== p.member.index) phase.deliveryLatencies.push(at - Number(match[2]));
    p.deliveries += 1;
    if (p.deliveries === this.memberCount) {
      phase.fullyDelivered += 1;
      phase.lastFullDeliveryAt = at;
    }
    this.settle(message.clientId, p, {});
  }

  private settle(clientId: string, p: Pending, change: { acked?: boolean; failed?: boolean }): void {
    const wasOpen = !p.acked && !p.failed;
    if (change.acked) p.acked = true;
    if (change.failed) {
      p.failed = true;
      p.phase.failed += 1;
    }
    if (wasOpen && (p.acked || p.failed)) this.onSettled?.(p.member.index);
    if (p.failed || (p.acked && p.deliveries >= this.memberCount)) this.pending.delete(clientId);
  }
}
