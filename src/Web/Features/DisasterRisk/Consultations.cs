using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.DisasterRisk;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.DisasterRisk;

/// <summary>Consultation (会商) records: list, read, record, change, delete (the bureau writes; departments and streets read).</summary>
public static class Consultations
{
    public sealed record View(Guid Id, DateOnly HeldOn, ConsultationKind Kind, string KindLabel, string Title, string Participants, string Situation,
        string Judgement, string Measures, string RecordedBy, DateTimeOffset RecordedAt, bool IsDemo);

    public static View ToView(Consultation c) => new(c.Id, c.HeldOn, c.Kind, Consultation.Label(c.Kind), c.Title, c.Participants, c.Situation,
        c.Judgement, c.Measures, c.RecordedBy, c.RecordedAt, c.IsDemo);

    public static async Task<List<View>> List(TianshanDb db, CancellationToken ct) =>
        (await db.Consultations.AsNoTracking().OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct)).Select(ToView).ToList();

    public static async Task<Consultation> Find(TianshanDb db, Guid id, CancellationToken ct) =>
        await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("会商记录不存在");

    public static async Task<View> Create(TianshanDb db, Consultation.Details details, TimeProvider time, CancellationToken ct)
    {
        var c = Consultation.Create(details, db.Scope.UserName, time.GetUtcNow());
        db.Consultations.Add(c);
        await db.SaveChangesAsync(ct);
        return ToView(c);
    }

    public static async Task<View> Update(TianshanDb db, Guid id, Consultation.Details details, TimeProvider time, CancellationToken ct)
    {
        var c = await Find(db, id, ct);
        c.Update(details, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ToView(c);
    }

    public static async Task Delete(TianshanDb db, Guid id, CancellationToken ct)
    {
        db.Consultations.Remove(await Find(db, id, ct));
        await db.SaveChangesAsync(ct);
    }
}
