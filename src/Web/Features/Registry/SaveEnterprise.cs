using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>Registers a new enterprise or changes one. The credit code is the de-duplication key; the caller may only
/// place an enterprise inside its own jurisdiction and sectors.</summary>
public static class SaveEnterprise
{
    public static async Task<Enterprise> Create(TianshanDb db, EnterpriseDetails details, CancellationToken ct)
    {
        if (db.Scope.EnterpriseId is not null)
            throw new ForbiddenException("企业用户不能登记其他企业");
        var division = await FindDivision(db, details.DivisionCode, ct);
        var enterprise = Enterprise.Create(details, division);
        EnsureInScope(db.Scope, division, enterprise.Sector, null);
        var code = enterprise.CreditCode;
        if (await db.Enterprises.IgnoreQueryFilters().AnyAsync(e => e.CreditCode == code, ct))
            throw new WorkflowException($"统一社会信用代码 {code} 已登记，不能重复登记");
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    public static async Task<Enterprise> Update(TianshanDb db, Guid id, EnterpriseDetails details, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.Include(e => e.Division).FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var division = await FindDivision(db, details.DivisionCode, ct);
        var code = CreditCode.Normalize(details.CreditCode);
        // An enterprise keeps its own facts current, but its identity and jurisdiction are the regulator's to change.
        if (db.Scope.EnterpriseId is not null && (code != enterprise.CreditCode || division.Id != enterprise.DivisionId))
            throw new ForbiddenException("企业用户不能修改统一社会信用代码或所属区划，请联系属地监管部门");
        if (code != enterprise.CreditCode && await db.Enterprises.IgnoreQueryFilters().AnyAsync(e => e.CreditCode == code && e.Id != id, ct))
            throw new WorkflowException($"统一社会信用代码 {code} 已被其他企业使用");
        enterprise.Update(details, division);
        EnsureInScope(db.Scope, division, enterprise.Sector, enterprise.Id);
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    public static async Task<Division> FindDivision(TianshanDb db, string? code, CancellationToken ct)
    {
        var trimmed = code?.Trim() ?? "";
        return await db.Divisions.FirstOrDefaultAsync(d => d.Code == trimmed, ct)
            ?? throw new DomainValidationException(nameof(EnterpriseDetails.DivisionCode), $"区划代码“{trimmed}”不存在");
    }

    public static void EnsureInScope(UserScope scope, Division division, Sector sector, Guid? enterpriseId)
    {
        if (!scope.Covers(division.Path, sector, enterpriseId))
            throw new ForbiddenException($"{division.Name}/{SectorSet.Label(sector)}不在您的管辖范围内");
    }
}
