using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>Registers or changes a major hazard source of an enterprise in the caller's scope.</summary>
public static class SaveMajorHazard
{
    public sealed record Request(Guid EnterpriseId, MajorHazardSourceDetails Details);

    public sealed record TriggerRequest(ReassessmentTrigger Trigger, DateOnly? On, string? Note);

    public static async Task<MajorHazardSource> Create(TianshanDb db, Request request, ChemicalCatalogue catalogue, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == request.EnterpriseId, ct)
            ?? throw new NotFoundException("企业不存在或不在您的管辖范围内");
        var code = request.Details.Code?.Trim();
        if (await db.MajorHazardSources.AnyAsync(m => m.EnterpriseId == enterprise.Id && m.Code == code, ct))
            throw new WorkflowException($"该企业已有编号为 {code} 的重大危险源");
        var source = MajorHazardSource.Create(enterprise.Id, request.Details, catalogue);
        db.MajorHazardSources.Add(source);
        await db.SaveChangesAsync(ct);
        return source;
    }

    public static async Task Update(TianshanDb db, Guid id, MajorHazardSourceDetails details, ChemicalCatalogue catalogue, TimeProvider time, CancellationToken ct)
    {
        var source = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("重大危险源不存在或不在您的管辖范围内");
        var code = details.Code?.Trim();
        if (code != source.Code && await db.MajorHazardSources.AnyAsync(m => m.EnterpriseId == source.EnterpriseId && m.Code == code && m.Id != id, ct))
            throw new WorkflowException($"该企业已有编号为 {code} 的重大危险源");
        source.Update(details, catalogue, ChinaTime.Today(time));
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecordTrigger(TianshanDb db, Guid id, TriggerRequest request, TimeProvider time, CancellationToken ct)
    {
        var source = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("重大危险源不存在或不在您的管辖范围内");
        if (!Enum.IsDefined(request.Trigger))
            throw new DomainValidationException(nameof(request.Trigger), "重新评估情形无效");
        source.RecordTrigger(request.Trigger, request.On ?? ChinaTime.Today(time), request.Note);
        await db.SaveChangesAsync(ct);
    }
}
