using Tianshan.Core.Incidents;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Incidents;

/// <summary>The sector an incident is scoped by when it names no enterprise: the supervising department's, from the subtype.</summary>
public sealed class IncidentSectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static Incident Take(IncidentCategory category, string subtype, Guid? enterpriseId = null) =>
        Incident.Intake("SJ-2026-00001", new IncidentDetails
        {
            Source = IncidentSource.DutyDesk,
            Category = category,
            Subtype = subtype,
            Title = "行业范围",
            OccurredAt = Now.AddHours(-1),
            ReceivedAt = Now.AddMinutes(-30),
            Address = "独山子区",
            Narrative = "测试",
            EnterpriseId = enterpriseId,
        }, "/650202/", "bureau", Now);

    [Theory]
    [InlineData("危险化学品事故", Sector.HazardousChemicals)]
    [InlineData("建设施工事故", Sector.Construction)]
    [InlineData("道路交通事故", Sector.RoadTransport)]
    [InlineData("特种设备事故", Sector.SpecialEquipment)]
    [InlineData("工贸事故", Sector.IndustryTrade)]
    [InlineData("火灾事故", Sector.CrowdedPlaces)]
    public void An_accident_without_an_enterprise_falls_under_its_subtypes_sector(string subtype, Sector sector) =>
        Assert.Equal(sector, Take(IncidentCategory.Accident, subtype).Sector);

    [Fact]
    public void An_enterprise_incident_is_scoped_through_its_enterprise_and_a_disaster_by_no_sector()
    {
        Assert.Null(Take(IncidentCategory.Accident, "建设施工事故", Guid.CreateVersion7()).Sector);
        Assert.Null(Take(IncidentCategory.NaturalDisaster, "地震").Sector);
        Assert.Null(Take(IncidentCategory.Accident, "其他生产安全事故").Sector);
    }
}
