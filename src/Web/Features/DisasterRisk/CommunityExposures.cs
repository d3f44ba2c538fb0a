using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;
using Tianshan.Web.Features.Registry;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>
/// The exposure census (承灾体调查) per community: every community with its row (or none yet), set one community's row,
/// and the Excel ledger out and back in. The bureau keeps every row; a street office keeps the rows of the communities in its
/// street and a community its own (PRODUCT.md: streets look after the communities in their street, communities report for
/// themselves — and the census's 承灾体 survey is filled in bottom-up by those who know the buildings). Departments read.
/// </summary>
public static class CommunityExposures
{
    /// <summary>Roles that may write exposure rows, each within its own jurisdiction (<see cref="CanWrite"/>).</summary>
    public static readonly string[] Writers = [Roles.Bureau, Roles.Street, Roles.Community];
    public const string WriterRoles = Roles.Bureau + "," + Roles.Street + "," + Roles.Community;

    public sealed record Row(Guid DivisionId, string Code, string Community, bool Recorded, int Population, int Households,
        int BuildingsReinforcedConcrete, int BuildingsMasonry, int BuildingsWeak, int BuildingsBefore1990, int Buildings1990To2001,
        int BuildingsAfter2001, int Buildings, int Schools, int Hospitals, bool IsDemo, [property: JsonIgnore] string Path)
    {
        [JsonIgnore]
        public CommunityExposure.Details Details => new(Population, Households, BuildingsReinforcedConcrete, BuildingsMasonry, BuildingsWeak,
            BuildingsBefore1990, Buildings1990To2001, BuildingsAfter2001, Schools, Hospitals);
    }

    /// <summary>Every community of the district in code order, with its census row or zeros and Recorded = false.</summary>
    public static async Task<List<Row>> List(TianshanDb db, CancellationToken ct)
    {
        var communities = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code).ToListAsync(ct);
        var rows = await db.CommunityExposures.AsNoTracking().ToDictionaryAsync(e => e.DivisionId, ct);
        return communities.Select(c => rows.GetValueOrDefault(c.Id) is { } e
                ? new Row(c.Id, c.Code, c.Name, true, e.Population, e.Households, e.BuildingsReinforcedConcrete, e.BuildingsMasonry, e.BuildingsWeak,
                    e.BuildingsBefore1990, e.Buildings1990To2001, e.BuildingsAfter2001, e.Buildings, e.Schools, e.Hospitals, e.IsDemo, c.Path)
                : new Row(c.Id, c.Code, c.Name, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, c.Path))
            .ToList();
    }

    /// <summary>The bureau writes any community; a street or community user those under its own division path.</summary>
    public static bool CanWrite(ClaimsPrincipal user, UserScope scope, string communityPath) =>
        user.IsInRole(Roles.Bureau) || ((user.IsInRole(Roles.Street) || user.IsInRole(Roles.Community)) && communityPath.StartsWith(scope.DivisionPath, StringComparison.Ordinal));

    /// <summary>Creates or updates one community's row. False: it was created.</summary>
    public static async Task<bool> Set(TianshanDb db, ClaimsPrincipal user, Guid divisionId, CommunityExposure.Details details, CancellationToken ct)
    {
        var community = await db.Divisions.FirstOrDefaultAsync(d => d.Id == divisionId && d.Level == DivisionLevel.Community, ct)
            ?? throw new NotFoundException("社区不存在");
        if (!CanWrite(user, db.Scope, community.Path))
            throw new ForbiddenException($"只能填报本辖区社区的承灾体数据（{community.Name}不在您的辖区内）");
        var existing = await db.CommunityExposures.FirstOrDefaultAsync(e => e.DivisionId == divisionId, ct);
        if (existing is null)
            db.CommunityExposures.Add(CommunityExposure.Create(community, details));
        else
            existing.Update(details);
        await db.SaveChangesAsync(ct);
        return existing is not null;
    }

    /// <summary>The ledger's columns: the export writes them, the import reads them by header, so an edited export imports back.</summary>
    internal static class Columns
    {
        public const string Code = "社区代码";
        public const string Community = "社区";
        public const string Population = "人口";
        public const string Households = "户数";
        public const string ReinforcedConcrete = "钢筋混凝土及钢结构房屋";
        public const string Masonry = "砖混结构房屋";
        public const string Weak = "砖木土木及其他房屋";
        public const string Before1990 = "1990年以前建成";
        public const string From1990To2001 = "1990-2001年建成";
        public const string After2001 = "2001年以后建成";
        /// <summary>Computed; an import ignores it.</summary>
        public const string Buildings = "房屋合计";
        public const string Schools = "学校";
        public const string Hospitals = "医院";

        public static readonly string[] Counts =
            [Population, Households, ReinforcedConcrete, Masonry, Weak, Before1990, From1990To2001, After2001, Schools, Hospitals];

        public static readonly string[] All = [Code, Community, .. Counts[..8], Buildings, Schools, Hospitals];

        /// <summary>Which column an entity rule's field is read from.</summary>
        public static readonly Dictionary<string, string> OfField = new(StringComparer.Ordinal)
        {
            [nameof(CommunityExposure.Population)] = Population,
            [nameof(CommunityExposure.Households)] = Households,
            [nameof(CommunityExposure.BuildingsReinforcedConcrete)] = ReinforcedConcrete,
            [nameof(CommunityExposure.BuildingsMasonry)] = Masonry,
            [nameof(CommunityExposure.BuildingsWeak)] = Weak,
            [nameof(CommunityExposure.BuildingsBefore1990)] = Before1990,
            [nameof(CommunityExposure.Buildings1990To2001)] = From1990To2001,
            [nameof(CommunityExposure.BuildingsAfter2001)] = After2001,
            [nameof(CommunityExposure.Buildings)] = Buildings,
            [nameof(CommunityExposure.Schools)] = Schools,
            [nameof(CommunityExposure.Hospitals)] = Hospitals,
        };
    }

    /// <summary>Every community, a community not yet surveyed with its count cells empty: the export is also the form to fill in.</summary>
    public static byte[] Export(IEnumerable<Row> rows) => RegistryWorkbooks.WriteTable("承灾体调查", Columns.All, rows.Select(r => r.Recorded
        ? new object?[]
        {
            r.Code, r.Community, r.Population, r.Households, r.BuildingsReinforcedConcrete, r.BuildingsMasonry, r.BuildingsWeak,
            r.BuildingsBefore1990, r.Buildings1990To2001, r.BuildingsAfter2001, r.Buildings, r.Schools, r.Hospitals,
        }
        : [r.Code, r.Community]));

    /// <summary>
    /// All or nothing, like the registry's imports: every row checked first (community known and in the caller's jurisdiction,
    /// each count an integer, the entity's rules), every problem listed by row and column, and nothing stored if there is one.
    /// A row is keyed by 社区代码, or by 社区 (the name) when the code is empty; a row whose counts are all empty is skipped
    /// (a community not surveyed yet, as the export writes it).
    /// </summary>
    public static async Task<ImportReport> Import(TianshanDb db, ClaimsPrincipal user, Stream file, CancellationToken ct)
    {
        if (!Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能填报承灾体数据");
        var (rows, problems) = RegistryWorkbooks.ReadSheet(file, Columns.Counts);
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, problems);

        var communities = await db.Divisions.Where(d => d.Level == DivisionLevel.Community).ToListAsync(ct);
        var stored = await db.CommunityExposures.ToDictionaryAsync(e => e.DivisionId, ct);
        var seen = new Dictionary<Guid, int>();
        int created = 0, updated = 0, data = 0;
        foreach (var (row, cell) in rows)
        {
            var cells = new ImportCells(row, cell, problems);
            if (Columns.Counts.All(c => cells.Text(c).Length == 0))
                continue;
            data++;
            var community = cells.Community(communities, c => c.Code, c => c.Name, Columns.Code, Columns.Community, "不存在");
            var before = problems.Count;
            int[] values = [.. Columns.Counts.Select(c => Count(cells, c))];
            if (community is null)
                continue;
            if (!CanWrite(user, db.Scope, community.Path))
            {
                cells.Problem(cells.Text(Columns.Code).Length > 0 ? Columns.Code : Columns.Community, $"{community.Name}不在您的辖区内，不能填报");
                continue;
            }
            if (seen.TryGetValue(community.Id, out var first))
            {
                cells.Problem(cells.Text(Columns.Code).Length > 0 ? Columns.Code : Columns.Community, $"与第{first}行是同一社区（{community.Name}）");
                continue;
            }
            seen[community.Id] = row;
            if (problems.Count > before)
                continue; // a cell that is not a count is reported already; the entity's rules need every number
            var details = new CommunityExposure.Details(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9]);
            try
            {
                if (stored.TryGetValue(community.Id, out var existing))
                {
                    existing.Update(details);
                    updated++;
                }
                else
                {
                    db.CommunityExposures.Add(CommunityExposure.Create(community, details));
                    created++;
                }
            }
            catch (DomainValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var m in messages)
                        cells.Problem(Columns.OfField.GetValueOrDefault(field, field), m);
            }
        }
        if (problems.Count == 0 && data == 0)
            problems.Add(new ImportProblem(2, "", "文件中没有填写任何社区的承灾体数据"));
        if (problems.Count > 0)
        {
            // Nothing stored: forget the changes made while checking (a page's context outlives this call).
            db.ChangeTracker.Clear();
            return new ImportReport(false, 0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(true, created, updated, []);
    }

    /// <summary>A count cell: an integer; empty is a problem (a surveyed row has every count, 0 where there is none).</summary>
    private static int Count(ImportCells cells, string column)
    {
        if (cells.Text(column).Length == 0)
        {
            cells.Problem(column, $"“{column}”不能为空（没有请填 0）");
            return 0;
        }
        return cells.Int(column);
    }
}
