// A refusal shown in place of a page's content (not found, not yours, bad address).
export function PageError({ message }: { message: string }) {
  return (
    <div className="card">
      <p className="error" role="alert">
        {message}
      </p>
    </div>
  );
}
