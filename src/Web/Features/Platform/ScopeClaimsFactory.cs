using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Platform;

/// <summary>Puts the user's jurisdiction (division path, enterprise, sectors) into the login cookie as claims, so scoping
/// needs no database look-up per request.</summary>
internal sealed class ScopeClaimsFactory(UserManager<TianshanUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options, TianshanDb db)
    : UserClaimsPrincipalFactory<TianshanUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TianshanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var path = user.DivisionId is { } divisionId
            ? await db.Divisions.Where(d => d.Id == divisionId).Select(d => d.Path).FirstOrDefaultAsync()
            : null;
        var userRoles = await UserManager.GetRolesAsync(user);
        var enterpriseId = userRoles.Contains(Roles.Enterprise) ? user.EnterpriseId ?? Guid.Empty : (Guid?)null;
        var sectors = userRoles.Contains(Roles.Department) ? user.SupervisedSectors : SectorSet.All;
        var scope = new UserScope(user.Id, user.UserName ?? "", path ?? UserScope.Nobody.DivisionPath, enterpriseId, sectors);
        identity.AddClaims(scope.ToClaims());
        identity.AddClaim(new Claim("tianshan:display_name", user.DisplayName));
        return identity;
    }
}
