/** TCP ports of the data tier when none are given: PostgreSQL and MySQL. */
export const DEFAULT_DATABASE_PORTS: readonly number[] = [5432, 3306];

/** A port's name in construct IDs and descriptions: `https`, `http`, or `tcp-<port>`. */
export function portName(port: number): string {
  return port === 443 ? 'https' : port === 80 ? 'http' : `tcp-${port}`;
}

/**
 * Refuses a port list with a value that is not a TCP port or a port listed twice (and, unless
 * `allowEmpty`, an empty list). `owner` and `prop` start the message.
 */
export function validatePorts(owner: string, prop: string, ports: readonly number[], options: { allowEmpty?: boolean } = {}): void {
  if (ports.length === 0 && !options.allowEmpty) throw new Error(`${owner}: ${prop} is empty; give at least one port`);
  const bad = ports.find((port) => !Number.isInteger(port) || port < 1 || port > 65535);
  if (bad !== undefined) throw new Error(`${owner}: ${prop} has ${bad}, which is not a TCP port (1–65535)`);
  if (new Set(ports).size !== ports.length) throw new Error(`${owner}: ${prop} lists a port twice`);
}
