using BrazeLite.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Accounts;

/// <summary>
/// Keeps the circuit's <see cref="CurrentAccount"/> in step with its authentication state, and makes it the acting
/// account of everything the circuit runs (each event, JS call and first render is an inbound activity). An activity
/// after the page's cookie ran out ends the session first, so nothing is done on a session that is over.
/// </summary>
internal sealed class AccountCircuitHandler(CurrentAccount account, AuthenticationStateProvider authentication, TimeProvider time) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
        account.Set(CurrentAccount.ActorOf((await authentication.GetAuthenticationStateAsync()).User));
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (!account.SessionEnded && account.HasExpired(time.GetUtcNow()))
            {
                account.EndSession(ranOut: true);
            }
            using (AmbientActor.Use(account.Holder))
            {
                await next(context);
            }
        };

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> state)
    {
        try
        {
            account.Set(CurrentAccount.ActorOf((await state).User));
        }
        catch (Exception)
        {
            account.Set(null);
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
}
