import { useEffect, useState } from 'react';

export interface ReadableItem<T> {
  getValue(): Promise<T>;
  watch(onChange: (value: T) => void): () => void;
}

/** A storage item's value, kept current when another page or the background changes it. */
export function useStorageItem<T>(item: ReadableItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => {
      if (live) setValue(v);
    });
    const stop = item.watch((v) => setValue(v));
    return () => {
      live = false;
      stop();
    };
  }, [item]);
  return value;
}
