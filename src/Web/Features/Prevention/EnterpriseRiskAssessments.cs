using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Prevention;

namespace Tianshan.Web.Features.Prevention;

/// <summary>An enterprise's 100-point risk grades (分级指南 2018), newest first; the first is its overall colour.</summary>
public static class EnterpriseRiskAssessments
{
    public sealed record Request(decimal Score, IReadOnlyList<DirectRedCondition>? DirectRedConditions, DateOnly AssessedOn, string? Note);

    public sealed record View(Guid Id, decimal Score, IReadOnlyList<DirectRedCondition> DirectRedConditions, IReadOnlyList<string> DirectRedLabels,
        RiskLevel Grade, string Colour, string ColourLabel, DateOnly AssessedOn, DateOnly NextDue, string AssessedBy, string? Note);

    public static View ToView(EnterpriseRiskAssessment a)
    {
        var conditions = EnterpriseRiskGrading.Each(a.DirectRedConditions).ToList();
        return new View(a.Id, a.Score, conditions, conditions.Select(EnterpriseRiskGrading.ConditionLabel).ToList(), a.Grade,
            RiskLevels.Code(a.Grade), RiskLevels.Label(a.Grade), a.AssessedOn, a.NextDue, a.AssessedBy, a.Note);
    }

    public static async Task<List<View>> List(TianshanDb db, Guid enterpriseId, CancellationToken ct)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new Tianshan.Core.Platform.NotFoundException("企业不存在或不在您的管辖范围内");
        var items = await db.EnterpriseRiskAssessments.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId).ToListAsync(ct);
        return items.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).Select(ToView).ToList();
    }

    public static async Task<View> Create(TianshanDb db, Guid enterpriseId, Request request, RiskGradingOptions options, CancellationToken ct)
    {
        var enterprise = await RiskPoints.WritableEnterprise(db, enterpriseId, ct);
        var conditions = (request.DirectRedConditions ?? []).Aggregate(DirectRedCondition.None, (all, c) => all | c);
        var assessment = EnterpriseRiskAssessment.Create(enterprise.Id, request.Score, conditions, request.AssessedOn, db.Scope.UserName, request.Note, options);
        db.EnterpriseRiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return ToView(assessment);
    }
}
