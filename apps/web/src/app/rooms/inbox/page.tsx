import { InboxPage } from "../../../features/notifications/inbox-page";

export default function Inbox() {
  return <InboxPage />;
}
