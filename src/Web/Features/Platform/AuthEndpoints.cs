using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Tianshan.Core.Platform;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Platform;

/// <summary>Cookie login for the UI and for scripts: the API accepts the same login.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest([property: Required] string UserName, [property: Required] string Password);

    public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, string DivisionPath, Guid? EnterpriseId);

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", async (LoginRequest request, SignInManager<TianshanUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
                return Results.NoContent();
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: Text.Of("登录失败", "Login failed"),
                detail: result.IsLockedOut
                    ? Text.Of("登录失败次数过多，账户已临时锁定，请稍后再试", "Too many failed attempts; the account is locked for a while")
                    : Text.Of("用户名或密码错误", "Wrong user name or password"));
        }).AllowAnonymous();

        api.MapPost("/logout", async (SignInManager<TianshanUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        });

        api.MapGet("/me", (ClaimsPrincipal user) =>
        {
            var scope = UserScope.From(user);
            return new Me(scope.UserName, user.FindFirstValue("tianshan:display_name") ?? scope.UserName,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), scope.DivisionPath, scope.EnterpriseId);
        });

        // The UI's login form posts here (a static page: a Blazor circuit cannot set a cookie).
        app.MapPost("/account/login", async (HttpContext http, SignInManager<TianshanUser> signIn) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal))
                returnUrl = "/";
            var result = await signIn.PasswordSignInAsync(form["userName"].ToString(), form["password"].ToString(), false, lockoutOnFailure: true);
            return result.Succeeded
                ? Results.LocalRedirect(returnUrl)
                : Results.LocalRedirect($"/login?error={(result.IsLockedOut ? "locked" : "invalid")}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<TianshanUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).DisableAntiforgery().ExcludeFromDescription();
    }
}
