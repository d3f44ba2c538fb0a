namespace Tianshan.Core.Dispatch;

/// <summary>What a dispatchable place is.</summary>
public enum FacilityKind
{
    FireStation,
    RescueTeam,
    Shelter,
    Hospital,
    Warehouse,
}

/// <summary>A place dispatch routes to or from: a fire station, rescue team base, shelter, hospital or warehouse.
/// <see cref="Capacity"/> is people for a shelter (others leave it null); <see cref="Planned"/> marks a place that
/// a plan proposes but that does not exist yet (coverage counts it only in a what-if).</summary>
public sealed record FacilityPoint(string Id, FacilityKind Kind, string Name, GeoPoint At, int? Capacity = null, bool Planned = false);

/// <summary>Where dispatch gets its facility points: the resource atlas (C6) in the host (<c>AtlasFacilityPoints</c>);
/// an interface so the routing core does not depend on the database.</summary>
public interface IFacilityPoints
{
    Task<IReadOnlyList<FacilityPoint>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A place where people live, with how many: a community's centre and its residents.</summary>
public sealed record PopulationPoint(string Code, string Name, GeoPoint At, int People);

public static class FacilityKinds
{
    public static string Label(FacilityKind kind) => kind switch
    {
        FacilityKind.FireStation => "消防站",
        FacilityKind.RescueTeam => "救援队伍",
        FacilityKind.Shelter => "避难场所",
        FacilityKind.Hospital => "医院",
        FacilityKind.Warehouse => "物资仓库",
        _ => kind.ToString(),
    };
}
