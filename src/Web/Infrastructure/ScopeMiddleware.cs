using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Infrastructure;

/// <summary>Binds the request's login to <see cref="CurrentUser"/>, which the database's query filters read.</summary>
internal sealed class ScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, CurrentUser currentUser)
    {
        currentUser.Set(http.User);
        return next(http);
    }
}

/// <summary>Binds a Blazor circuit's login to the circuit's <see cref="CurrentUser"/> (a circuit outlives its HTTP request).</summary>
internal sealed class ScopeCircuitHandler(AuthenticationStateProvider authentication, CurrentUser currentUser) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
    }
}
