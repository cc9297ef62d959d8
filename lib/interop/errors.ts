/**
 * A file to import that Hallway cannot read: `where` names the place (a JSON path
 * such as `schedule.conference.days[1].rooms.Saal 1[3].duration`, or `line 57`
 * in XML) and `reason` says what is wrong there. Thrown before anything is written.
 */
export class ProgramFormatError extends Error {
  override readonly name = "ProgramFormatError";

  constructor(
    readonly where: string,
    readonly reason: string,
    readonly source?: string,
  ) {
    super([source, where, reason].filter(Boolean).join(": "));
  }

  /** The same error, told about the file it came from ("schedule.json: …"). */
  from(source: string): ProgramFormatError {
    return new ProgramFormatError(this.where, this.reason, source);
  }
}

export type PathSegment = string | number;

/** `["schedule", "conference", "days", 1, "rooms", "Saal 1", 3]` → `schedule.conference.days[1].rooms.Saal 1[3]` */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || "(the document)";
}
