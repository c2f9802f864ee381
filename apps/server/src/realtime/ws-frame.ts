/**
 * A complete WebSocket text frame as a server sends it (RFC 6455 §5.2: FIN, opcode 1, no
 * mask, no extension bits) around an already serialised payload. A message fanned out to a
 * room is framed once and the same bytes are written to every member's socket, instead of ws
 * encoding the string and building a header for each recipient.
 */
export function textFrame(payload: string): Buffer {
  const length = Buffer.byteLength(payload);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(payload, headerLength, "utf8");
  return frame;
}
