/**
 * What the command line records of an output sheet's part as it writes it: its unpacked size and zip CRC-32, kept as
 * the sheet's custom property {@link PART_KEY}. A re-run that finds the part with that very size and CRC-32 knows the
 * sheet is byte for byte what was written, so the sheet's values are those its marker's fingerprint was made from, and
 * its XML need not be scanned to tell whether it was edited (about 13 s of a 100,000-line re-run). Any other program
 * that saves the file writes the part afresh, so the record no longer matches and the sheet is scanned as before.
 */
export const PART_KEY = "SharedApportionPart";

/**
 * The record's text: `size:crc:fingerprint` (the CRC-32 in hexadecimal; the fingerprint the sheet's marker gives
 * for the values written, which the record vouches for). Only a sheet the run itself laid out and wrote is recorded,
 * never one carried over from the file it opened (its bytes are not known to hold what its marker says).
 */
export function partRecord(size: number, crc: number, fp: string): string {
  return `${size}:${(crc >>> 0).toString(16)}:${fp}`;
}

/** Whether a record says this size, CRC-32 and fingerprint (undefined, or any other text, says nothing). */
export function partRecordMatches(record: string | undefined, size: number, crc: number, fp: string): boolean {
  return record !== undefined && record === partRecord(size, crc, fp);
}
