import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `delayMs`: as-you-type queries wait for a pause in the typing. */
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
