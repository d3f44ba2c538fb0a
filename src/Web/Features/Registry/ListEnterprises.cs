using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>Enterprises in the caller's scope, filtered and paged.</summary>
public static class ListEnterprises
{
    public sealed record Filter(string? Q = null, Sector? Sector = null, string? Division = null, bool? MajorHazard = null);

    public static IQueryable<Enterprise> Apply(IQueryable<Enterprise> query, Filter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var code = q.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(q) || e.CreditCode.StartsWith(code) || e.Address.Contains(q));
        }
        if (filter.Sector is { } sector)
            query = query.Where(e => e.Sector == sector);
        if (!string.IsNullOrWhiteSpace(filter.Division))
        {
            var segment = "/" + filter.Division.Trim() + "/";
            query = query.Where(e => e.Division!.Path.Contains(segment));
        }
        if (filter.MajorHazard is { } hasMajor)
            query = query.Where(e => e.MajorHazardSources.Any(m => m.Grade != null) == hasMajor);
        return query;
    }

    public static async Task<Page<EnterpriseView>> Handle(TianshanDb db, Filter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = Apply(db.Enterprises.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var items = await EnterpriseView.Project(query.OrderBy(e => e.Name).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<EnterpriseView>(items.Select(i => i.WithLabels()).ToList(), total, page, pageSize);
    }
}
