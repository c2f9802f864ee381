"use client";

import { useParams } from "next/navigation";
import { RoomView } from "../../../features/rooms/room-view";

export default function RoomPage() {
  const { roomId } = useParams<{ roomId: string }>();
  // Keyed: each room starts with fresh scroll state, draft and load-older state.
  return <RoomView key={roomId} roomId={roomId} />;
}
