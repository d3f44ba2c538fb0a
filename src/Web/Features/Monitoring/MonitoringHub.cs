using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>Live alarm changes. A connection joins the groups its scope allows: an enterprise user its enterprise's group,
/// everyone else the group of their division path, so a push reaches exactly the users who may see the alarm.</summary>
[Authorize]
public sealed class MonitoringHub : Hub
{
    public const string Path = "/hubs/monitoring";

    public override async Task OnConnectedAsync()
    {
        var scope = UserScope.From(Context.User);
        if (scope.EnterpriseId is { } enterprise)
            await Groups.AddToGroupAsync(Context.ConnectionId, EnterpriseGroup(enterprise));
        else if (scope.Sectors != SectorSet.All)
        {
            // A department sees its sectors (district-wide in the demo): one group per supervised sector.
            foreach (var sector in SectorSet.Each.Where(s => scope.Sectors.HasFlag(s)))
                await Groups.AddToGroupAsync(Context.ConnectionId, SectorGroup(sector));
        }
        else
            await Groups.AddToGroupAsync(Context.ConnectionId, "division:" + scope.DivisionPath);
        await base.OnConnectedAsync();
    }

    public static string EnterpriseGroup(Guid enterpriseId) => "enterprise:" + enterpriseId;

    private static string SectorGroup(Sector sector) => "sector:" + sector;

    /// <summary>The groups an alarm of this enterprise goes to: its own, its sector's, and every division above it.</summary>
    public static IReadOnlyList<string> GroupsFor(Guid enterpriseId, Sector sector, string divisionPath)
    {
        var groups = new List<string> { EnterpriseGroup(enterpriseId), SectorGroup(sector) };
        var end = 0;
        while ((end = divisionPath.IndexOf('/', end + 1)) > 0)
            groups.Add("division:" + divisionPath[..(end + 1)]);
        groups.Add("division:/");
        return groups;
    }
}
