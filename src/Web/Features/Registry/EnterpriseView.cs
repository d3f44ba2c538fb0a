using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>An enterprise as the API and the UI show it.</summary>
public sealed record EnterpriseView(
    Guid Id,
    string CreditCode,
    string Name,
    Sector Sector,
    string SectorLabel,
    string DivisionCode,
    string DivisionName,
    string Address,
    double? Latitude,
    double? Longitude,
    int Employees,
    bool AboveDesignatedSize,
    string PrincipalName,
    string? PrincipalPhone,
    string? SafetyDirectorName,
    string? SafetyDirectorPhone,
    int RegisteredSafetyEngineers,
    decimal SafetyCostWanYuan,
    bool LiabilityInsurance,
    StandardisationGrade? StandardisationGrade,
    int MajorHazardCount,
    int? HighestMajorHazardGrade,
    bool IsDemo)
{
    public static IQueryable<EnterpriseView> Project(IQueryable<Enterprise> query) => query.Select(e => new EnterpriseView(
        e.Id, e.CreditCode, e.Name, e.Sector, "", e.Division!.Code, e.Division.Name, e.Address, e.Latitude, e.Longitude,
        e.Employees, e.AboveDesignatedSize, e.PrincipalName, e.PrincipalPhone, e.SafetyDirectorName, e.SafetyDirectorPhone,
        e.RegisteredSafetyEngineers, e.SafetyCostWanYuan, e.LiabilityInsurance, e.StandardisationGrade,
        e.MajorHazardSources.Count(m => m.Grade != null),
        e.MajorHazardSources.Where(m => m.Grade != null).Min(m => m.Grade),
        e.IsDemo));

    public EnterpriseView WithLabels() => this with { SectorLabel = SectorSet.Label(Sector) };
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
