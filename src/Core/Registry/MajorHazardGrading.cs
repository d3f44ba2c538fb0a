using Tianshan.Core.Platform;

namespace Tianshan.Core.Registry;

/// <summary>One line of a unit's inventory: a chemical and its quantity q (t); β may be overridden where the
/// category needs judgement (GB 18218-2018 §4.3 leaves the choice of hazard category to the assessor).</summary>
public sealed record HazardLine(Chemical Chemical, decimal QuantityTonnes, decimal? BetaOverride = null);

/// <summary>One line of the computation, shown so an inspector can check it by hand.</summary>
public sealed record HazardLineResult(string Chemical, string ChemicalKey, decimal Q, decimal CriticalQuantity, decimal Beta, decimal Ratio);

/// <summary>The result of identification (S) and grading (R) of one production or storage unit.</summary>
public sealed record MajorHazardAssessment(
    decimal S, decimal R, decimal Alpha, int? Grade, bool IsMajorHazard, IReadOnlyList<HazardLineResult> Lines)
{
    public static string GradeLabel(int? grade) => grade switch
    {
        1 => "一级",
        2 => "二级",
        3 => "三级",
        4 => "四级",
        _ => "非重大危险源",
    };
}

/// <summary>GB 18218-2018 identification (§4.2) and grading (§4.3) of a major hazard source (重大危险源).
/// Decimal arithmetic, so boundary cases such as S = 200/500 + 100/200 + 1/10 = 1 are exact.</summary>
public static class MajorHazardGrading
{
    /// <summary>Table 5: α from the resident people within 500 m outside the plant boundary ("以上" includes the number).</summary>
    public static decimal Alpha(int exposedPeople) => exposedPeople switch
    {
        < 0 => throw new DomainValidationException("exposedPeople", "厂外暴露人员数不能为负数"),
        0 => 0.5m,
        < 30 => 1.0m,
        < 50 => 1.2m,
        < 100 => 1.5m,
        _ => 2.0m,
    };

    /// <summary>Table 6: grade from R (一级 R ≥ 100; 二级 100 > R ≥ 50; 三级 50 > R ≥ 10; 四级 R &lt; 10).</summary>
    public static int GradeOf(decimal r) => r switch
    {
        >= 100 => 1,
        >= 50 => 2,
        >= 10 => 3,
        _ => 4,
    };

    /// <summary>S = Σ q/Q (formula 1; ≥ 1 is a major hazard source) and R = α Σ β q/Q (formula 2).</summary>
    public static MajorHazardAssessment Assess(IReadOnlyList<HazardLine> lines, int exposedPeople)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var alpha = Alpha(exposedPeople);
        if (lines.Count == 0)
            throw new DomainValidationException("units", "至少需要一种危险化学品");
        var results = new List<HazardLineResult>(lines.Count);
        decimal s = 0, weighted = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.QuantityTonnes < 0)
                throw new DomainValidationException($"units[{i}].quantityTonnes", $"第{i + 1}行：{line.Chemical.NameZh}的数量不能为负数");
            if (line.BetaOverride is <= 0)
                throw new DomainValidationException($"units[{i}].beta", $"第{i + 1}行：校正系数β必须大于0");
            var beta = line.BetaOverride ?? line.Chemical.Beta;
            var ratio = line.QuantityTonnes / line.Chemical.CriticalQuantity;
            s += ratio;
            weighted += beta * ratio;
            results.Add(new HazardLineResult(line.Chemical.NameZh, line.Chemical.Key, line.QuantityTonnes,
                line.Chemical.CriticalQuantity, beta, ratio));
        }
        var r = alpha * weighted;
        var isMajor = s >= 1;
        return new MajorHazardAssessment(s, r, alpha, isMajor ? GradeOf(r) : null, isMajor, results);
    }
}
