import { PROFILES_MAX_IDS, type Profile } from "@parley/protocol";

interface Waiter {
  resolve: (profile: Profile | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the profile ids asked for during one turn of the event loop and fetches them
 * together: a message list that mounts fifty avatars makes one request, not fifty. Each
 * caller gets its own profile, or null for an id the server does not know.
 */
export class ProfileBatcher {
  private waiting = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(
    private readonly fetchMany: (ids: string[]) => Promise<Profile[]>,
    /** A macrotask, not a microtask: React mounts a whole list's queries in one task. */
    private readonly schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {}

  load(id: string): Promise<Profile | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(id) ?? [];
      waiters.push({ resolve, reject });
      this.waiting.set(id, waiters);
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = new Map();
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += PROFILES_MAX_IDS) {
      const chunk = ids.slice(start, start + PROFILES_MAX_IDS);
      this.fetchMany(chunk).then(
        (profiles) => {
          const byId = new Map(profiles.map((p) => [p.id, p]));
          for (const id of chunk) for (const w of batch.get(id) ?? []) w.resolve(byId.get(id) ?? null);
        },
        (error: unknown) => {
          for (const id of chunk) for (const w of batch.get(id) ?? []) w.reject(error);
        },
      );
    }
  }
}
