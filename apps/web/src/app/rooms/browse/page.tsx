import { BrowseRooms } from "../../../features/rooms/browse-rooms";

export default function BrowsePage() {
  return <BrowseRooms />;
}
