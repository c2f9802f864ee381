import { AdminPage } from "../../features/admin/admin-page";

export default function Admin() {
  return <AdminPage />;
}
