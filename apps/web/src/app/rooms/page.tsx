import { Welcome } from "../../features/rooms/welcome";

export default function RoomsPage() {
  return <Welcome />;
}
