namespace Tianshan.Core.Prevention;

/// <summary>One enterprise's line in a year's inspection plan: its colour when planned and the months it is due.</summary>
public sealed class InspectionPlanItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public Guid EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public RiskLevel? Colour { get; set; }
    public List<int> Months { get; set; } = [];
    public DateTimeOffset PlannedAt { get; set; }
    public string PlannedBy { get; set; } = "";
}
