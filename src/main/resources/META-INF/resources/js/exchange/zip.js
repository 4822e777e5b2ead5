// A minimal zip writer for the import page: brat needs its .txt and .ann files in one zip, and the API keeps taking
// a zip (format=brat). Entries are stored uncompressed (method 0) with their CRC-32; names are UTF-8 (flag bit 11).
// Enough for uploads of some hundred megabytes: no zip64, which the server's limits stay far below anyway.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the zip and gzip polynomial) of a byte array. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function header(size) {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

/**
 * A zip (as a Blob) of entries [{name, bytes}], each stored as it is. Names use '/' between folders, as zip wants.
 */
export function zip(entries) {
  const encoder = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.bytes);
    const size = entry.bytes.length;
    const local = header(30 + name.length);
    local.view.setUint32(0, 0x04034b50, true); // local file header
    local.view.setUint16(4, 20, true); // version needed: 2.0
    local.view.setUint16(6, 0x0800, true); // UTF-8 names
    local.view.setUint16(8, 0, true); // stored
    local.view.setUint16(10, 0, true); // time
    local.view.setUint16(12, 0x21, true); // date: 1980-01-01
    local.view.setUint32(14, crc, true);
    local.view.setUint32(18, size, true);
    local.view.setUint32(22, size, true);
    local.view.setUint16(26, name.length, true);
    local.bytes.set(name, 30);
    parts.push(local.bytes, entry.bytes);

    const dir = header(46 + name.length);
    dir.view.setUint32(0, 0x02014b50, true); // central directory header
    dir.view.setUint16(4, 20, true);
    dir.view.setUint16(6, 20, true);
    dir.view.setUint16(8, 0x0800, true);
    dir.view.setUint16(10, 0, true);
    dir.view.setUint16(12, 0, true);
    dir.view.setUint16(14, 0x21, true);
    dir.view.setUint32(16, crc, true);
    dir.view.setUint32(20, size, true);
    dir.view.setUint32(24, size, true);
    dir.view.setUint16(28, name.length, true);
    dir.view.setUint32(42, offset, true);
    dir.bytes.set(name, 46);
    central.push(dir.bytes);
    offset += local.bytes.length + size;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true); // end of central directory
  end.view.setUint16(8, entries.length, true);
  end.view.setUint16(10, entries.length, true);
  end.view.setUint32(12, centralSize, true);
  end.view.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end.bytes], { type: 'application/zip' });
}

/**
 * The names of a zip's entries, read from its central directory in {@code tail}: the last bytes of a file of
 * {@code fileSize} bytes. Answers the names found there (none when the directory starts before the tail).
 */
export function entryNames(tail, fileSize) {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return [];
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true) - (fileSize - tail.length);
  const decoder = new TextDecoder();
  const names = [];
  for (let n = 0; n < count && at >= 0 && at + 46 <= tail.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) {
      break;
    }
    const nameLength = view.getUint16(at + 28, true);
    names.push(decoder.decode(tail.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}
