interface ConnectScreenProps {
  message: string;
}

/** Shown in the browser when the page was opened without its key. */
export function ConnectScreen({ message }: ConnectScreenProps) {
  return (
    <main className="connect-screen">
      <h1 className="connect-screen__title">Commonplace</h1>
      <p>{message}</p>
      <p>
        Run <code>commonplace serve</code> in a terminal and open the address it prints, including the part
        after <code>#</code>: that part is the key that lets this page open your library.
      </p>
    </main>
  );
}
