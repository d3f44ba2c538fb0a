namespace Tianshan.Core.Prevention;

/// <summary>
/// An enterprise's risk list as reported to the bureau (风险清单报送): a snapshot of its risk points at the time, with
/// counts per colour, so the bureau holds what was reported even after the enterprise edits its list.
/// </summary>
public sealed class RiskListReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public int Red { get; set; }
    public int Orange { get; set; }
    public int Yellow { get; set; }
    public int Blue { get; set; }
    /// <summary>The points as reported, JSON.</summary>
    public string PointsJson { get; set; } = "";
}
