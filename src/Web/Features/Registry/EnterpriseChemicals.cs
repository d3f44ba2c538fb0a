using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>The hazardous chemicals an enterprise holds (with the 禁限控 flag from the catalogue): list and replace.</summary>
public static class EnterpriseChemicals
{
    public sealed record Holding(string Chemical, decimal MaxQuantityTonnes);

    public sealed record View(string ChemicalKey, string ChemicalName, string? Cas, decimal MaxQuantityTonnes, decimal CriticalQuantity, bool Restricted);

    public static async Task<List<View>> List(TianshanDb db, Guid enterpriseId, ChemicalCatalogue catalogue, CancellationToken ct)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var rows = await db.EnterpriseChemicals.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId)
            .OrderBy(c => c.ChemicalName).ToListAsync(ct);
        return rows.Select(c => new View(c.ChemicalKey, c.ChemicalName, c.Cas, c.MaxQuantityTonnes,
            catalogue.ByKey(c.ChemicalKey)?.CriticalQuantity ?? 0, c.Restricted)).ToList();
    }

    /// <summary>Replaces the enterprise's list; every line is checked against the catalogue before anything changes.</summary>
    public static async Task Replace(TianshanDb db, Guid enterpriseId, IReadOnlyList<Holding> holdings, ChemicalCatalogue catalogue, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.Include(e => e.Chemicals).FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
            ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var problems = new Dictionary<string, string[]>();
        var resolved = new List<EnterpriseChemical>();
        for (var i = 0; i < holdings.Count; i++)
        {
            var chemical = catalogue.Find(holdings[i].Chemical, out var problem);
            if (chemical is null)
                problems[$"[{i}].chemical"] = [$"第{i + 1}行：{problem}"];
            else if (holdings[i].MaxQuantityTonnes < 0)
                problems[$"[{i}].maxQuantityTonnes"] = [$"第{i + 1}行：最大存量不能为负数"];
            else if (resolved.Any(r => r.ChemicalKey == chemical.Key))
                problems[$"[{i}].chemical"] = [$"第{i + 1}行：{chemical.NameZh}重复"];
            else
                resolved.Add(new EnterpriseChemical(enterprise.Id, chemical, holdings[i].MaxQuantityTonnes));
        }
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        db.EnterpriseChemicals.RemoveRange(enterprise.Chemicals);
        db.EnterpriseChemicals.AddRange(resolved);
        await db.SaveChangesAsync(ct);
    }
}
