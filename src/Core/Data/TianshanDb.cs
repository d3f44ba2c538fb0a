using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tianshan.Core.Indicators;
using Tianshan.Core.Duty;
using Tianshan.Core.Incidents;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Plans;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Core.Resources;
using Tianshan.Core.Warnings;

namespace Tianshan.Core.Data;

/// <summary>The platform's one database. Provider-specific subclasses carry their own migrations
/// (<see cref="SqliteTianshanDb"/>, <see cref="PostgresTianshanDb"/>). Jurisdiction and enterprise scoping are
/// query filters bound to <see cref="Scope"/>, so every query — list, detail, export — is scoped the same way.</summary>
public abstract partial class TianshanDb : IdentityDbContext<TianshanUser>
{
    private readonly CurrentUser? _currentUser;

    protected TianshanDb(DbContextOptions options, CurrentUser? currentUser) : base(options)
    {
        _currentUser = currentUser;
    }

    /// <summary>The scope of the user this context serves; the platform's own scope when there is none (design time, seeding).</summary>
    public UserScope Scope => _currentUser?.Scope ?? UserScope.System;

    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseChemical> EnterpriseChemicals => Set<EnterpriseChemical>();
    public DbSet<MajorHazardSource> MajorHazardSources => Set<MajorHazardSource>();
    public DbSet<SpecialEquipment> SpecialEquipment => Set<SpecialEquipment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Sensor> Sensors => Set<Sensor>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<AlarmNotification> AlarmNotifications => Set<AlarmNotification>();
    public DbSet<Gateway> Gateways => Set<Gateway>();
    public DbSet<HiddenHazard> HiddenHazards => Set<HiddenHazard>();
    public DbSet<HiddenHazardEvidence> HiddenHazardEvidence => Set<HiddenHazardEvidence>();
    /// <summary>Not enterprise-owned until triaged: the API lets only the bureau's side see them.</summary>
    public DbSet<PublicReport> PublicReports => Set<PublicReport>();
    public DbSet<Inspector> Inspectors => Set<Inspector>();
    public DbSet<InspectorConflict> InspectorConflicts => Set<InspectorConflict>();
    public DbSet<RandomDrawRecord> RandomDraws => Set<RandomDrawRecord>();
    public DbSet<InspectionPlanItem> InspectionPlanItems => Set<InspectionPlanItem>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();
    public DbSet<RiskListReport> RiskListReports => Set<RiskListReport>();
    public DbSet<RiskPoint> RiskPoints => Set<RiskPoint>();
    public DbSet<EnterpriseRiskAssessment> EnterpriseRiskAssessments => Set<EnterpriseRiskAssessment>();
    public DbSet<EnforcementCase> EnforcementCases => Set<EnforcementCase>();
    public DbSet<EnforcementCaseDocument> EnforcementCaseDocuments => Set<EnforcementCaseDocument>();
    public DbSet<InspectionAttachment> InspectionAttachments => Set<InspectionAttachment>();
    public DbSet<IndicatorEntry> IndicatorEntries => Set<IndicatorEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    /// <summary>The duty desk's own records: the API and pages let only the bureau reach them.</summary>
    public DbSet<DutyShift> DutyShifts => Set<DutyShift>();
    public DbSet<DutyLogEntry> DutyLog => Set<DutyLogEntry>();
    public DbSet<DutyOpenItem> DutyOpenItems => Set<DutyOpenItem>();
    public DbSet<ShiftHandover> ShiftHandovers => Set<ShiftHandover>();
    public DbSet<RescueTeam> RescueTeams => Set<RescueTeam>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<ReliefMaterial> ReliefMaterials => Set<ReliefMaterial>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<EquipmentItem> EquipmentItems => Set<EquipmentItem>();
    public DbSet<Shelter> Shelters => Set<Shelter>();
    public DbSet<FireStation> FireStations => Set<FireStation>();
    public DbSet<Hospital> Hospitals => Set<Hospital>();
    public DbSet<DisasterInformant> DisasterInformants => Set<DisasterInformant>();
    public DbSet<DisasterReport> DisasterReports => Set<DisasterReport>();
    public DbSet<DisasterReportEntry> DisasterReportEntries => Set<DisasterReportEntry>();
    public DbSet<DisasterReportPhoto> DisasterReportPhotos => Set<DisasterReportPhoto>();
    public DbSet<Tianshan.Core.Dispatch.StoredRoadNetwork> RoadNetworks => Set<Tianshan.Core.Dispatch.StoredRoadNetwork>();
    public DbSet<Warning> Warnings => Set<Warning>();
    public DbSet<ImportedAlert> ImportedAlerts => Set<ImportedAlert>();
    public DbSet<WarningContact> WarningContacts => Set<WarningContact>();
    public DbSet<WarningDelivery> WarningDeliveries => Set<WarningDelivery>();
    public DbSet<HazardFeature> HazardFeatures => Set<HazardFeature>();
    public DbSet<CommunityExposure> CommunityExposures => Set<CommunityExposure>();
    public DbSet<HistoricalDisaster> HistoricalDisasters => Set<HistoricalDisaster>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<DemonstrationCommunity> DemonstrationCommunities => Set<DemonstrationCommunity>();
    /// <summary>Report generation jobs and their files: the API lets only the requester reach a job.</summary>
    public DbSet<Tianshan.Core.Reports.ReportJob> ReportJobs => Set<Tianshan.Core.Reports.ReportJob>();
    public DbSet<Tianshan.Core.Reports.ReportFile> ReportFiles => Set<Tianshan.Core.Reports.ReportFile>();
    public DbSet<EmergencyPlan> EmergencyPlans => Set<EmergencyPlan>();
    public DbSet<DrillPlan> DrillPlans => Set<DrillPlan>();
    public DbSet<DrillRecord> DrillRecords => Set<DrillRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TianshanDb).Assembly);

        // Scoping, once: an enterprise user sees its own enterprise; everyone else sees the enterprises under their
        // division path in the sectors they supervise. Dependents are filtered through their enterprise.
        Expression<Func<Enterprise, bool>> visible = e =>
            Scope.EnterpriseId != null
                ? e.Id == Scope.EnterpriseId
                : e.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)e.Sector) != 0;
        builder.Entity<Enterprise>().HasQueryFilter(visible);
        builder.Entity<MajorHazardSource>().HasQueryFilter(Through<MajorHazardSource>(visible, m => m.Enterprise!));
        builder.Entity<SpecialEquipment>().HasQueryFilter(Through<SpecialEquipment>(visible, s => s.Enterprise!));
        builder.Entity<EnterpriseChemical>().HasQueryFilter(Through<EnterpriseChemical>(visible, c => c.Enterprise!));
        builder.Entity<Sensor>().HasQueryFilter(Through<Sensor>(visible, s => s.Enterprise!));
        builder.Entity<Alarm>().HasQueryFilter(Through<Alarm>(visible, a => a.Enterprise!));
        builder.Entity<Gateway>().HasQueryFilter(Through<Gateway>(visible, g => g.Enterprise!));
        builder.Entity<AlarmNotification>().HasQueryFilter(Through<AlarmNotification>(visible, n => n.Enterprise!));
        builder.Entity<HiddenHazard>().HasQueryFilter(Through<HiddenHazard>(visible, h => h.Enterprise!));
        builder.Entity<InspectionPlanItem>().HasQueryFilter(Through<InspectionPlanItem>(visible, i => i.Enterprise!));
        builder.Entity<Inspection>().HasQueryFilter(Through<Inspection>(visible, i => i.Enterprise!));
        builder.Entity<RiskListReport>().HasQueryFilter(Through<RiskListReport>(visible, r => r.Enterprise!));
        builder.Entity<BlacklistEntry>().HasQueryFilter(Through<BlacklistEntry>(visible, e => e.Enterprise!));
        builder.Entity<HiddenHazardEvidence>().HasQueryFilter(Through<HiddenHazardEvidence>(visible, e => e.HiddenHazard!.Enterprise!));
        builder.Entity<RiskPoint>().HasQueryFilter(Through<RiskPoint>(visible, p => p.Enterprise!));
        builder.Entity<EnterpriseRiskAssessment>().HasQueryFilter(Through<EnterpriseRiskAssessment>(visible, r => r.Enterprise!));
        builder.Entity<EnforcementCase>().HasQueryFilter(Through<EnforcementCase>(visible, c => c.Enterprise!));
        builder.Entity<EnforcementCaseDocument>().HasQueryFilter(Through<EnforcementCaseDocument>(visible, d => d.EnforcementCase!.Enterprise!));
        builder.Entity<InspectionAttachment>().HasQueryFilter(Through<InspectionAttachment>(visible, a => a.Inspection!.Enterprise!));
        // An incident belongs to where it happened; an enterprise user sees only its own enterprise's incidents; a department sees
        // those of its sectors like hidden hazards — an enterprise's through its enterprise, any other by the sector its subtype
        // falls under, and one that no sector supervises (a natural disaster, 其他) only with every sector (bureau, streets).
        builder.Entity<Incident>().HasQueryFilter(i =>
            Scope.EnterpriseId != null
                ? i.EnterpriseId == Scope.EnterpriseId
                : i.DivisionPath.StartsWith(Scope.DivisionPath) && (i.EnterpriseId != null
                    ? i.Enterprise != null && ((int)Scope.Sectors & (int)i.Enterprise.Sector) != 0   // null: the enterprise is out of scope
                    : i.Sector != null ? ((int)Scope.Sectors & (int)i.Sector.Value) != 0 : Scope.Sectors == SectorSet.All));
        // Plans and drills: an enterprise's are scoped through its enterprise like its hidden hazards (an enterprise user sees its own, a
        // department its sectors); the government's own plans (no enterprise) by division path, and never to enterprise users.
        builder.Entity<EmergencyPlan>().HasQueryFilter(p => p.EnterpriseId == null
            ? Scope.EnterpriseId == null && p.DivisionPath.StartsWith(Scope.DivisionPath)
            : Scope.EnterpriseId != null
                ? p.EnterpriseId == Scope.EnterpriseId
                : p.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)p.Enterprise.Sector) != 0);
        builder.Entity<DrillPlan>().HasQueryFilter(p => p.EnterpriseId == null
            ? Scope.EnterpriseId == null && p.DivisionPath.StartsWith(Scope.DivisionPath)
            : Scope.EnterpriseId != null
                ? p.EnterpriseId == Scope.EnterpriseId
                : p.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)p.Enterprise.Sector) != 0);
        builder.Entity<DrillRecord>().HasQueryFilter(d => d.EnterpriseId == null
            ? Scope.EnterpriseId == null && d.DivisionPath.StartsWith(Scope.DivisionPath)
            : Scope.EnterpriseId != null
                ? d.EnterpriseId == Scope.EnterpriseId
                : d.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)d.Enterprise.Sector) != 0);
        ApplyResourceScoping(builder);
        ApplyPeopleScoping(builder);
    }

    /// <summary>The resource atlas and disaster reports belong to divisions, not enterprises: a user sees the records of the
    /// divisions under its own (the bureau all, a street its street, an informant its community); enterprise users none.</summary>
    private void ApplyResourceScoping(ModelBuilder builder)
    {
        ByDivision<RescueTeam>(builder);
        ByDivision<Expert>(builder);
        ByDivision<Warehouse>(builder);
        ByDivision<ReliefMaterial>(builder);
        ByDivision<EquipmentItem>(builder);
        ByDivision<Shelter>(builder);
        ByDivision<FireStation>(builder);
        ByDivision<Hospital>(builder);
        ByDivision<DisasterInformant>(builder);
        builder.Entity<StockItem>().HasQueryFilter(s => Scope.EnterpriseId == null && s.Warehouse!.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<StockMovement>().HasQueryFilter(m => Scope.EnterpriseId == null && m.StockItem!.Warehouse!.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<DisasterReport>().HasQueryFilter(r => Scope.EnterpriseId == null && r.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<DisasterReportEntry>().HasQueryFilter(e => Scope.EnterpriseId == null && e.DisasterReport!.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<DisasterReportPhoto>().HasQueryFilter(p => Scope.EnterpriseId == null && p.Entry!.DisasterReport!.Division!.Path.StartsWith(Scope.DivisionPath));
    }

    private void ByDivision<T>(ModelBuilder builder) where T : ResourceRecord =>
        builder.Entity<T>().HasQueryFilter(r => Scope.EnterpriseId == null && r.Division!.Path.StartsWith(Scope.DivisionPath));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Quantities and money: enough digits for tonnes with three decimals and ratios with six.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }

    private static Expression<Func<T, bool>> Through<T>(Expression<Func<Enterprise, bool>> filter, Expression<Func<T, Enterprise>> navigation)
    {
        var body = ReplacingExpressionVisitor.Replace(filter.Parameters[0], navigation.Body, filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, navigation.Parameters);
    }
}

public sealed class SqliteTianshanDb(DbContextOptions<SqliteTianshanDb> options, CurrentUser? currentUser = null)
    : TianshanDb(options, currentUser)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no time-zone type and cannot order or compare DateTimeOffset text; store the binary form (an integer)
        // of the UTC instant, so a time given in China time orders and compares with the others (the encoding keeps the
        // offset, and two offsets of one instant would not compare equal).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcBinaryConverter>();
    }

    private sealed class UtcBinaryConverter() : ValueConverter<DateTimeOffset, long>(v => Encode(v), l => Decode(l))
    {
        private static readonly DateTimeOffsetToBinaryConverter Binary = new();

        private static long Encode(DateTimeOffset value) => (long)Binary.ConvertToProvider(value.ToUniversalTime())!;

        private static DateTimeOffset Decode(long value) => (DateTimeOffset)Binary.ConvertFromProvider(value)!;
    }
}

public sealed class PostgresTianshanDb(DbContextOptions<PostgresTianshanDb> options, CurrentUser? currentUser = null)
    : TianshanDb(options, currentUser)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Npgsql writes timestamptz only from UTC offsets and throws on a "+08:00" value; a time given in China time is the
        // same instant, so every DateTimeOffset (stored or used as a query parameter) is turned to UTC on the way in.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
