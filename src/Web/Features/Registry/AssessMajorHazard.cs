using Tianshan.Core.Registry;

namespace Tianshan.Web.Features.Registry;

/// <summary>POST /api/major-hazards/assess: GB 18218-2018 identification and grading of a unit, every line shown.</summary>
public static class AssessMajorHazard
{
    public sealed record Request(IReadOnlyList<HazardUnitLineInput>? Units, int ExposedPeople);

    public sealed record Line(string Chemical, string ChemicalKey, decimal Q, decimal CriticalQuantity, decimal Beta, decimal Ratio);

    public sealed record Response(decimal S, decimal R, decimal Alpha, int? Grade, string GradeLabel, bool IsMajorHazard, IReadOnlyList<Line> Lines);

    public static Response Handle(Request request, ChemicalCatalogue catalogue)
    {
        var lines = ReassessmentTriggers.Resolve(request.Units ?? [], catalogue);
        var a = MajorHazardGrading.Assess(lines, request.ExposedPeople);
        return new Response(a.S, a.R, a.Alpha, a.Grade, MajorHazardAssessment.GradeLabel(a.Grade), a.IsMajorHazard,
            a.Lines.Select(l => new Line(l.Chemical, l.ChemicalKey, l.Q, l.CriticalQuantity, l.Beta, l.Ratio)).ToList());
    }
}
