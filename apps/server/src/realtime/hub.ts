import type { Bus, BusEvent } from "./bus";
import { presenceTopic, roomTopic, userTopic } from "./bus";

/** What the hub needs from a live connection. */
export interface HubMember {
  readonly userId: string;
  onRoomEvent(roomId: string, event: BusEvent): void;
  onUserEvent(event: BusEvent): void;
  /** A watched person's presence changed. */
  onPresenceEvent(event: BusEvent): void;
}

/**
 * This node's registry of live connections by room and by user. It holds one bus
 * subscription per topic that has at least one local connection, so fan-out cost is per node,
 * not per connection, and drops the subscription when the last connection leaves.
 */
export class Hub {
  private readonly rooms = new Map<string, { members: Set<HubMember>; unsubscribe: () => void }>();
  private readonly users = new Map<string, { members: Set<HubMember>; unsubscribe: () => void }>();
  /** Connections by the person whose presence they watch. */
  private readonly watchers = new Map<string, { members: Set<HubMember>; unsubscribe: () => void }>();

  constructor(private readonly bus: Bus) {}

  addUser(member: HubMember): void {
    this.join(this.users, member.userId, member, userTopic(member.userId), (event, m) =>
      m.onUserEvent(event),
    );
  }

  removeUser(member: HubMember): void {
    this.leave(this.users, member.userId, member);
  }

  addToRoom(roomId: string, member: HubMember): void {
    this.join(this.rooms, roomId, member, roomTopic(roomId), (event, m) => m.onRoomEvent(roomId, event));
  }

  removeFromRoom(roomId: string, member: HubMember): void {
    this.leave(this.rooms, roomId, member);
  }

  watchPresence(userId: string, member: HubMember): void {
    this.join(this.watchers, userId, member, presenceTopic(userId), (event, m) => m.onPresenceEvent(event));
  }

  unwatchPresence(userId: string, member: HubMember): void {
    this.leave(this.watchers, userId, member);
  }

  /** Every local connection, for heartbeats and shutdown. */
  connectionCount(): number {
    let n = 0;
    for (const entry of this.users.values()) n += entry.members.size;
    return n;
  }

  private join(
    map: Map<string, { members: Set<HubMember>; unsubscribe: () => void }>,
    key: string,
    member: HubMember,
    topic: string,
    deliver: (event: BusEvent, member: HubMember) => void,
  ): void {
    let entry = map.get(key);
    if (!entry) {
      const members = new Set<HubMember>();
      const unsubscribe = this.bus.subscribe(topic, (event) => {
        for (const m of [...members]) deliver(event, m);
      });
      entry = { members, unsubscribe };
      map.set(key, entry);
    }
    entry.members.add(member);
  }

  private leave(
    map: Map<string, { members: Set<HubMember>; unsubscribe: () => void }>,
    key: string,
    member: HubMember,
  ): void {
    const entry = map.get(key);
    if (!entry) return;
    entry.members.delete(member);
    if (entry.members.size === 0) {
      entry.unsubscribe();
      map.delete(key);
    }
  }
}
