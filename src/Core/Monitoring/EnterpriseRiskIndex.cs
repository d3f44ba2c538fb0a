namespace Tianshan.Core.Monitoring;

/// <summary>The inputs of an enterprise's dynamic risk index.</summary>
/// <param name="HighestMajorHazardGrade">1–4 (GB 18218-2018), or null when the enterprise has no major hazard source.</param>
/// <param name="HazardousChemicals">In the hazardous-chemicals sector (a floor for enterprises below the thresholds).</param>
/// <param name="ActiveAlarms">Active (not yet returned to normal) alarms by priority.</param>
/// <param name="OverdueReassessments">Major hazard sources whose 40号令 re-assessment is due or triggered.</param>
/// <param name="OverdueInspections">Special equipment past its periodic inspection date.</param>
/// <param name="OverdueHiddenHazards">Hidden hazards past their rectification deadline (0 until the prevention module).</param>
public readonly record struct RiskInputs(
    int? HighestMajorHazardGrade, bool HazardousChemicals, int CriticalAlarms, int HighAlarms, int MediumAlarms, int LowAlarms,
    int OverdueReassessments, int OverdueInspections, int OverdueHiddenHazards);

public sealed record RiskIndexResult(double Index, double Static, double Live, double Overdue, string Colour, string ColourLabel);

/// <summary>
/// The dynamic enterprise risk index (PRODUCT.md C4: static grade + live alarms + overdue hazards), 0–100. A house
/// formula, not a national one, so every weight is here in the open:
/// <list type="bullet">
/// <item>static (≤ 50): highest major-hazard grade 一级 50, 二级 40, 三级 30, 四级 20; none: 10 for a hazardous-chemicals
/// enterprise, 5 otherwise;</item>
/// <item>live (≤ 30): active alarms weighted by ISA-18.2 priority — critical 10, high 6, medium 3, low 1;</item>
/// <item>overdue (≤ 20): each overdue re-assessment or hidden hazard 5, each overdue equipment inspection 2.</item>
/// </list>
/// Colours follow the four-colour convention: ≥ 75 红 (重大), ≥ 50 橙 (较大), ≥ 25 黄 (一般), else 蓝 (低).
/// </summary>
public static class EnterpriseRiskIndex
{
    public static RiskIndexResult Compute(RiskInputs i)
    {
        double staticPart = i.HighestMajorHazardGrade switch
        {
            1 => 50,
            2 => 40,
            3 => 30,
            4 => 20,
            _ => i.HazardousChemicals ? 10 : 5,
        };
        double live = Math.Min(30, 10 * i.CriticalAlarms + 6 * i.HighAlarms + 3 * i.MediumAlarms + i.LowAlarms);
        double overdue = Math.Min(20, 5 * (i.OverdueReassessments + i.OverdueHiddenHazards) + 2 * i.OverdueInspections);
        var index = staticPart + live + overdue;
        var (colour, label) = index switch
        {
            >= 75 => ("red", "红(重大风险)"),
            >= 50 => ("orange", "橙(较大风险)"),
            >= 25 => ("yellow", "黄(一般风险)"),
            _ => ("blue", "蓝(低风险)"),
        };
        return new RiskIndexResult(index, staticPart, live, overdue, colour, label);
    }
}
