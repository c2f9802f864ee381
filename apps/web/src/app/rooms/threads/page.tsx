import { ThreadsPage } from "../../../features/threads/threads-page";

export default function Threads() {
  return <ThreadsPage />;
}
