/**
 * ZIP files built by hand for the upload tests: a "zip bomb" (a few hundred kilobytes that inflate to
 * hundreds of megabytes) with the entries that make it look like a Word document.
 */
import { crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  /** What the entry inflates to. */
  content: Buffer;
}

/** A ZIP archive (deflate) of the entries, with its central directory. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = deflateRawSync(entry.content, { level: 9 });
    const crc = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Looks like a .docx ([Content_Types].xml, word/document.xml) and inflates to about `megabytes` MB. */
export function zipBomb(megabytes: number): Buffer {
  const padding = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  return zip([
    {
      name: '[Content_Types].xml',
      content: Buffer.concat([Buffer.from('<?xml version="1.0"?><Types>'), padding]),
    },
    { name: 'word/document.xml', content: padding },
  ]);
}

/** A real-looking .docx whose document inflates to about `megabytes` MB: the type is right, the content a bomb. */
export function docxWithBomb(megabytes: number): Buffer {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  return zip([
    { name: '[Content_Types].xml', content: Buffer.from(types) },
    { name: 'word/document.xml', content: Buffer.alloc(megabytes * 1024 * 1024, 0x20) },
  ]);
}
