/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CrmUser } from '../directory.ts';
import { initials } from '../format.ts';
import { CloudMark } from '../icons.tsx';
import { CrmDocument } from '../layout.tsx';

/** Demo sign-in: one button a user, no passwords (the demo CRM is fictitious and local). */
export function LoginPage(props: { users: CrmUser[]; next: string | null; error?: string }) {
  return (
    <CrmDocument title="Login | Salesforce">
      <main class="auth">
        <section class="card auth-card">
          <div class="auth-logo">
            <CloudMark />
          </div>
          <h1>Sign in to the demo CRM</h1>
          <p>Pick a demo user. Each one sees only the accounts they own or manage.</p>
          {props.error ? (
            <p role="alert" class="badge badge-error">
              {props.error}
            </p>
          ) : null}
          <form method="post" action="/login">
            {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
            {props.users.map((u) => (
              <button key={u.id} type="submit" name="user" value={u.id} class="user-choice">
                <span class="avatar">{initials(u.name)}</span>
                <span>
                  <strong>
                    Sign in as {u.name} — {u.title}
                  </strong>
                  <span class="muted">{u.id}</span>
                </span>
              </button>
            ))}
          </form>
        </section>
      </main>
    </CrmDocument>
  );
}
