import type { FakeContext } from "./context";
import { jsonBytes } from "./context";
import { FakeExcelError, notLoaded } from "./errors";

/** Property names from a `load` argument: "a,b", ["a", "b"] or { select: "a,b" }. */
export function loadNames(spec: unknown): string[] {
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(spec)) return spec.filter((s): s is string => typeof s === "string");
  if (typeof spec === "object" && spec !== null && typeof (spec as { select?: unknown }).select === "string")
    return loadNames((spec as { select: string }).select);
  throw new FakeExcelError("InvalidArgument", "load() without property names is not supported by the fake (and slows a real add-in down)");
}

/**
 * A proxy like Office.js's ClientObject: commands are queued and run on
 * `context.sync()`; the object it stands for is looked up when a command
 * first needs it and kept from then on (renaming a sheet does not lose it);
 * properties can be read only after `load` and a successful `sync`. Proxies
 * from `…OrNullObject` methods get `isNullObject` settled by the next sync;
 * any other command on a missing object fails with ItemNotFound.
 */
export abstract class FakeClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private bound = false;
  private boundValue: T | null = null;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    if (nullable) context.queueNullCheck(() => this.loaded.set("isNullObject", this.lookup() === null));
  }

  private lookup(): T | null {
    if (!this.bound) {
      this.boundValue = this.resolver();
      this.bound = true;
    }
    return this.boundValue;
  }

  /** The object this proxy stands for (call only while a request runs); ItemNotFound if it does not exist. */
  protected target(): T {
    const t = this.lookup();
    if (t === null) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  /** True when the object does not exist (readable after a sync, for proxies from `…OrNullObject` methods). */
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  /** A loaded property, or the PropertyNotLoaded error real Excel throws. */
  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a command on the object. */
  protected command(args: unknown, run: (t: T) => void): void {
    this.context.queue({ bytes: 60 + jsonBytes(args), run: () => run(this.target()) });
  }

  /** The value of one property of the object, for a load. */
  protected abstract capture(t: T, name: string): unknown;

  /** Queues loading properties; readable after the next successful sync. */
  load(spec?: unknown): this {
    const names = loadNames(spec);
    this.context.queueLoad({
      capture: () => {
        const t = this.lookup();
        return names.map((n) => (t === null ? undefined : this.capture(t, n)));
      },
      commit: (values) => names.forEach((n, i) => this.loaded.set(n, (values as unknown[])[i])),
    });
    return this;
  }
}
