using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Prevention;

/// <summary>A hidden hazard as lists show it, with its deadline status at the time asked.</summary>
public sealed record HiddenHazardView(
    Guid Id, string Number, Guid EnterpriseId, string EnterpriseName, HiddenHazardOrigin Origin, string OriginLabel, string Title,
    string Location, HiddenHazardStatus Status, string StatusLabel, HiddenHazardGrade? Grade, string? GradeLabel,
    DateTimeOffset FoundAt, DateTimeOffset RegisteredAt, DateTimeOffset? Deadline, DeadlineStatus DeadlineStatus, string DeadlineLabel,
    string? ResponsiblePerson, bool Listed, DateTimeOffset? ClosedAt)
{
    public static HiddenHazardView Of(HiddenHazard h, string enterpriseName, DateTimeOffset now, TimeSpan reminderWindow)
    {
        var deadline = h.DeadlineStatusAt(now, reminderWindow);
        return new(h.Id, h.Number, h.EnterpriseId, enterpriseName, h.Origin, HiddenHazardLabels.Label(h.Origin), h.Title, h.Location,
            h.Status, HiddenHazardLabels.Label(h.Status), h.Grade, h.Grade is { } l ? HiddenHazardLabels.Label(l) : null, h.FoundAt,
            h.RegisteredAt, h.Deadline, deadline, HiddenHazardLabels.Label(deadline), h.Rectification?.ResponsiblePerson, h.ListedAt is not null,
            h.ClosedAt);
    }
}

/// <summary>One hazard in full: the record, its 五落实 and plan, its timeline and its evidence (without the bytes).</summary>
public sealed record HiddenHazardDetail(
    HiddenHazardView Summary, string Description, Guid? AlarmId, string? RegisteredBy, IReadOnlyList<int> Criteria,
    FiveAssurances? Rectification, MajorHazardTreatmentPlan? Plan, string? SubmittedBy, string? VerifiedBy,
    string? SupervisionNotice, string? SupervisingAuthority, DateTimeOffset? ListedAt,
    IReadOnlyList<HiddenHazardEvent> Timeline, IReadOnlyList<EvidenceView> Evidence, Sector EnterpriseSector);

public sealed record EvidenceView(Guid Id, string Stage, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);
