import Link from "next/link";

export default function NotFound() {
  return (
    <main className="full-page-center">
      <div className="empty-state">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <div className="empty-state-actions">
          <Link className="btn btn-primary" href="/rooms">
            Go to your rooms
          </Link>
        </div>
      </div>
    </main>
  );
}
