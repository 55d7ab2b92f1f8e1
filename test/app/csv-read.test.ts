import { describe, expect, it } from "vitest";
import { bytesSource, readCsv, type CsvRecord } from "../../src/app/csv-read";

async function read(bytes: Uint8Array, chunk = 3) {
  let records: CsvRecord[] = [];
  const info = await readCsv(bytesSource(bytes, chunk), (r) => records.push(r), { onRestart: () => (records = []) });
  return { info, records: records.map((r) => [r.line, ...r.fields]) };
}

describe("reading a CSV export", () => {
  it("drops a byte-order mark, keeps quoted line breaks and names each record's first line", async () => {
    const r = await read(new TextEncoder().encode('\uFEFFDate,Amount\r\n01/04/2020,"1,200"\r\n\r\n02/04/2020,"a\nb"\r\n03/04/2020,5\r\n'));
    expect(r.info).toMatchObject({ encoding: "utf-8", bom: true, records: 4 });
    expect(r.records).toEqual([
      [1, "Date", "Amount"],
      [2, "01/04/2020", "1,200"],
      [4, "02/04/2020", "a\nb"],
      [6, "03/04/2020", "5"],
    ]);
  });

  it("reads a file that is not UTF-8 as Windows-1252 (£ is 0xA3, € is 0x80), from the start", async () => {
    // "Cost,£5\r\nb,€" in Windows-1252: a UTF-8 decoder rejects 0xA3 after a comma.
    const bytes = new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x2c, 0xa3, 0x35, 0x0d, 0x0a, 0x62, 0x2c, 0x80]);
    const r = await read(bytes, 2);
    expect(r.info.encoding).toBe("windows-1252");
    expect(r.records).toEqual([
      [1, "Cost", "£5"],
      [2, "b", "€"],
    ]);
  });

  it("names the line of a quote never closed", async () => {
    await expect(read(new TextEncoder().encode('a,b\r\n1,"open\r\n2,3\r\n'))).rejects.toMatchObject({ line: expect.any(Number) });
  });
});
