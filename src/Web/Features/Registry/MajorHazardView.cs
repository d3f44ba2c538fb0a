using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

public sealed record MajorHazardView(
    Guid Id,
    Guid EnterpriseId,
    string EnterpriseName,
    string Code,
    string Name,
    HazardUnitKind Kind,
    int ExposedPeople,
    decimal S,
    decimal R,
    decimal Alpha,
    int? Grade,
    string GradeLabel,
    DateOnly LastAssessedOn,
    DateOnly NextAssessmentDue,
    ReassessmentTrigger? PendingTrigger,
    string? PendingTriggerLabel,
    string? TriggerNote,
    bool ReassessmentOverdue,
    IReadOnlyList<AssessMajorHazard.Line> Lines)
{
    public static MajorHazardView Of(MajorHazardSource m, string enterpriseName, DateOnly today) => new(
        m.Id, m.EnterpriseId, enterpriseName, m.Code, m.Name, m.Kind, m.ExposedPeople, m.S, m.R, m.Alpha, m.Grade,
        MajorHazardAssessment.GradeLabel(m.Grade), m.LastAssessedOn, m.NextAssessmentDue, m.PendingTrigger,
        m.PendingTrigger is { } t ? ReassessmentTriggers.Label(t) : null, m.TriggerNote, m.ReassessmentOverdue(today),
        m.Lines.Select(l => new AssessMajorHazard.Line(l.ChemicalName, l.ChemicalKey, l.QuantityTonnes, l.CriticalQuantity, l.Beta,
            l.CriticalQuantity == 0 ? 0 : l.QuantityTonnes / l.CriticalQuantity)).ToList());
}
