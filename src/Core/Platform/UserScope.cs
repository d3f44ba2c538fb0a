using System.Globalization;
using System.Security.Claims;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Platform;

/// <summary>What the current user may see. Built from the login's claims and applied once, in the data layer
/// (query filters of <c>TianshanDb</c>), so no endpoint can forget it.</summary>
/// <param name="DivisionPath">Prefix of the division paths in scope ("/650202/" is the whole district).</param>
/// <param name="EnterpriseId">Set for enterprise users: they see this enterprise only.</param>
/// <param name="Sectors">Sectors in scope (a department sees its own).</param>
public sealed record UserScope(string? UserId, string UserName, string DivisionPath, Guid? EnterpriseId, Sector Sectors)
{
    public const string DivisionPathClaim = "tianshan:division_path";
    public const string EnterpriseClaim = "tianshan:enterprise";
    public const string SectorsClaim = "tianshan:sectors";

    /// <summary>No login: sees nothing that is scoped.</summary>
    public static readonly UserScope Nobody = new(null, "anonymous", "/nobody/", Guid.Empty, 0);

    /// <summary>The platform itself (seeding, background jobs): sees the whole district.</summary>
    public static readonly UserScope System = new(null, "system", "/", null, SectorSet.All);

    public static UserScope From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
            return Nobody;
        var path = principal.FindFirstValue(DivisionPathClaim);
        var enterprise = principal.FindFirstValue(EnterpriseClaim);
        var sectors = principal.FindFirstValue(SectorsClaim);
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.Identity.Name ?? "",
            string.IsNullOrEmpty(path) ? Nobody.DivisionPath : path,
            enterprise is null ? null : Guid.Parse(enterprise),
            sectors is null ? SectorSet.All : (Sector)int.Parse(sectors, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether a record in this division and sector, of this enterprise, is within the scope (writes check this;
    /// reads are filtered by the database with the same rule).</summary>
    public bool Covers(string divisionPath, Sector sector, Guid? enterpriseId) =>
        EnterpriseId is { } own
            ? enterpriseId == own
            : divisionPath.StartsWith(DivisionPath, StringComparison.Ordinal) && (Sectors & sector) != 0;

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(DivisionPathClaim, DivisionPath);
        yield return new Claim(SectorsClaim, ((int)Sectors).ToString(CultureInfo.InvariantCulture));
        if (EnterpriseId is { } id)
            yield return new Claim(EnterpriseClaim, id.ToString());
    }
}

/// <summary>The scope of the request or circuit being served. Scoped service: set once per request / circuit.</summary>
public sealed class CurrentUser
{
    public UserScope Scope { get; private set; } = UserScope.Nobody;

    public void Set(ClaimsPrincipal? principal) => Scope = UserScope.From(principal);

    public void Set(UserScope scope) => Scope = scope;
}
