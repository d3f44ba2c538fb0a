using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;

namespace Tianshan.Web.Features.Dispatch;

/// <summary>
/// Opening a shelter from an incident: the shelter's status in the resource atlas becomes 已开放 and the incident's
/// timeline records it, in one commit (audited). The bureau opens any shelter; a street only those it manages (the
/// atlas's division scoping) — dispatch shows a street the district's shelters, but opening another street's is the
/// district's decision.
/// </summary>
public static class ShelterOpening
{
    public static readonly string[] Openers = [Roles.Bureau, Roles.Street];

    public sealed record OpenRequest(string? ShelterCode);

    public sealed record OpenResult(string ShelterCode, string Shelter, int Capacity, string Status);

    public static async Task<OpenResult> OpenAsync(TianshanDb db, ClaimsPrincipal user, Guid incidentId, OpenRequest request, TimeProvider time,
        CancellationToken ct)
    {
        if (!Openers.Any(user.IsInRole))
            throw new ForbiddenException("只有区应急管理局和街道可以开放避难场所");
        if (string.IsNullOrWhiteSpace(request.ShelterCode))
            throw new DomainValidationException("shelterCode", "请选择要开放的避难场所");
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new NotFoundException("事件不存在或不在您的管辖范围内");
        var code = request.ShelterCode.Trim();
        var shelter = await db.Shelters.FirstOrDefaultAsync(s => s.Code == code, ct)
            ?? throw new NotFoundException($"避难场所 {code} 不存在或不由您管理（其他辖区的避难场所请由区应急管理局开放）");
        switch (shelter.Status)
        {
            case ShelterStatus.Open:
                throw new WorkflowException($"{shelter.Name}已开放");
            case ShelterStatus.OutOfUse:
                throw new WorkflowException($"{shelter.Name}暂停使用，不能开放");
        }
        // The incident's check (still open) comes first, so a refusal leaves nothing changed in the context.
        incident.RecordShelterOpened(shelter.Name, shelter.Capacity, db.Scope.UserName, time.GetUtcNow());
        shelter.Status = ShelterStatus.Open;
        await db.SaveChangesAsync(ct);
        return new OpenResult(shelter.Code, shelter.Name, shelter.Capacity, ResourceLabels.Of(shelter.Status));
    }
}
