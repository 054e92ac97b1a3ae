// A list sorted only when it is out of order: Array.prototype.sort copies even two items, and the
// read path sorts a few hundred small lists a page, almost all already in order (issue #13).

/** `items` sorted in place by `order`; not touched when already in order. */
export function sortedIfNot<T>(items: T[], order: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) if (order(items[i - 1]!, items[i]!) > 0) return items.sort(order);
  return items;
}
