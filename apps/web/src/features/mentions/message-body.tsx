"use client";

import { findMentions } from "@parley/protocol";
import { memo } from "react";
import { MarkdownContent } from "../markdown/markdown-content";

/**
 * A message's text: markdown rendered to React elements (never HTML), with its mentions drawn
 * as chips ("@Ana Lopez") — mentions of me (and @room/@here) stand out — and emoji-only
 * messages drawn large. The entry point every message view uses.
 */
export const MessageBody = memo(function MessageBody({
  body,
  myName,
  className,
}: {
  body: string;
  myName: string;
  className?: string;
}) {
  return <MarkdownContent body={body} myName={myName} className={className} />;
});

/** Whether a body mentions me (by name, or @room/@here): its row is tinted like Slack's. */
export function mentionsMe(body: string, myName: string): boolean {
  const me = myName.toLocaleLowerCase();
  // As the server decides who is notified: mentions in code do not count.
  const { names, room, here } = findMentions(body);
  return room || here || names.some((name) => name.toLocaleLowerCase() === me);
}
