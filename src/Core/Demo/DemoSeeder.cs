using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Demo;

/// <summary>Seeds the Dushanzi demo (dushanzi-demo.json: divisions, enterprises, major hazard sources, special equipment)
/// into an empty database. Figures from the district's plans are real; names and coordinates are illustrative.</summary>
public static class DemoSeeder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static DemoData Load()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Tianshan.Demo.dushanzi-demo.json")
            ?? throw new InvalidOperationException("The embedded demo data set is missing");
        return JsonSerializer.Deserialize<DemoData>(stream, Json) ?? throw new InvalidOperationException("The demo data set is empty");
    }

    /// <summary>Returns false when the database already holds divisions (the demo is seeded once, on first start).</summary>
    public static async Task<bool> SeedAsync(TianshanDb db, ChemicalCatalogue catalogue, CancellationToken ct = default)
    {
        if (await db.Divisions.AnyAsync(ct))
            return false;
        var data = Load();
        var district = new Division(data.District.Code, data.District.Name, DivisionLevel.District, null)
        {
            Latitude = data.District.Lat,
            Longitude = data.District.Lon,
        };
        db.Divisions.Add(district);
        var divisions = new Dictionary<string, Division>(StringComparer.Ordinal) { [district.Code] = district };
        foreach (var s in data.Streets)
        {
            var street = new Division(s.Code, s.Name, DivisionLevel.Street, district);
            db.Divisions.Add(street);
            divisions[street.Code] = street;
            foreach (var c in s.Communities)
            {
                var community = new Division(c.Code, c.Name, DivisionLevel.Community, street)
                {
                    Latitude = c.Lat,
                    Longitude = c.Lon,
                    Residents = c.Residents,
                };
                db.Divisions.Add(community);
                divisions[community.Code] = community;
                foreach (var g in c.Grids)
                {
                    var grid = new Division(g.Code, g.Name, DivisionLevel.Grid, community);
                    db.Divisions.Add(grid);
                    divisions[grid.Code] = grid;
                }
            }
        }
        foreach (var e in data.Enterprises)
        {
            var enterprise = Enterprise.Create(new EnterpriseDetails
            {
                CreditCode = e.CreditCode,
                Name = e.Name,
                Sector = e.Sector,
                DivisionCode = e.Community,
                Address = e.Address,
                Latitude = e.Lat,
                Longitude = e.Lon,
                Employees = e.Employees,
                AboveDesignatedSize = e.AboveDesignatedSize,
                PrincipalName = e.Principal.Name,
                PrincipalPhone = e.Principal.Phone,
                SafetyDirectorName = e.SafetyDirector?.Name,
                SafetyDirectorPhone = e.SafetyDirector?.Phone,
                RegisteredSafetyEngineers = e.RegisteredSafetyEngineers,
                SafetyCostWanYuan = e.SafetyCostWanYuan,
                LiabilityInsurance = e.LiabilityInsurance,
                StandardisationGrade = e.StandardisationGrade,
            }, divisions[e.Community], isDemo: true);
            db.Enterprises.Add(enterprise);
            foreach (var c in e.Chemicals)
            {
                var chemical = catalogue.Find(c.Chemical, out var problem) ?? throw new InvalidOperationException($"Demo chemical: {problem}");
                if (enterprise.Chemicals.All(x => x.ChemicalKey != chemical.Key))
                    enterprise.Chemicals.Add(new EnterpriseChemical(enterprise.Id, chemical, c.MaxQuantityTonnes));
            }
            foreach (var m in e.MajorHazards)
            {
                enterprise.MajorHazardSources.Add(MajorHazardSource.Create(enterprise.Id, new MajorHazardSourceDetails
                {
                    Code = m.Code,
                    Name = m.Name,
                    Kind = m.Kind,
                    ExposedPeople = m.ExposedPeople,
                    LastAssessedOn = m.LastAssessedOn,
                    Units = m.Units.Select(u => new HazardUnitLineInput(u.Chemical, u.QuantityTonnes)).ToList(),
                }, catalogue));
            }
            foreach (var s in e.SpecialEquipment)
            {
                enterprise.SpecialEquipment.Add(Registry.SpecialEquipment.Create(enterprise.Id, new SpecialEquipmentDetails
                {
                    Kind = s.Kind,
                    RegistrationCode = s.RegistrationCode,
                    Name = s.Name,
                    Location = s.Location,
                    LastInspectedOn = s.LastInspectedOn,
                    NextInspectionDue = s.NextInspectionDue,
                }));
            }
        }
        DemoRiskPoints.Add(db, data);
        DemoDisasterRisk.Add(db, divisions);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

#pragma warning disable CA1812 // instantiated by System.Text.Json
public sealed record DemoData(string Note, DemoDistrict District, List<DemoStreet> Streets, List<DemoEnterprise> Enterprises);
public sealed record DemoDistrict(string Code, string Name, double Lat, double Lon);
public sealed record DemoStreet(string Code, string Name, List<DemoCommunity> Communities);
public sealed record DemoCommunity(string Code, string Name, double Lat, double Lon, int Residents, List<DemoGrid> Grids);
public sealed record DemoGrid(string Code, string Name);
public sealed record DemoPerson(string Name, string? Phone);
public sealed record DemoEnterprise(
    string CreditCode, string Name, Sector Sector, string Community, string Address, double Lat, double Lon, int Employees,
    bool AboveDesignatedSize, DemoPerson Principal, DemoPerson? SafetyDirector, int RegisteredSafetyEngineers, decimal SafetyCostWanYuan,
    bool LiabilityInsurance, StandardisationGrade? StandardisationGrade, List<DemoChemical> Chemicals, List<DemoMajorHazard> MajorHazards,
    List<DemoEquipment> SpecialEquipment);
public sealed record DemoChemical(string Chemical, decimal MaxQuantityTonnes);
public sealed record DemoMajorHazard(string Code, string Name, HazardUnitKind Kind, int ExposedPeople, DateOnly LastAssessedOn, List<DemoUnit> Units);
public sealed record DemoUnit(string Chemical, decimal QuantityTonnes);
public sealed record DemoEquipment(SpecialEquipmentKind Kind, string RegistrationCode, string Name, string? Location, DateOnly? LastInspectedOn, DateOnly NextInspectionDue);
#pragma warning restore CA1812
