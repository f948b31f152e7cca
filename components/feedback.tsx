// The answer under a form: the server's refusal (already in the user's language) or a note of success.
export function Feedback({ error, done }: { error: string | null | undefined; done?: string | null }) {
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  return done ? (
    <p className="success" role="status">
      {done}
    </p>
  ) : null;
}
