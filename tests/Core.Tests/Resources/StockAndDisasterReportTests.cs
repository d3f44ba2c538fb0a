using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Tests.Resources;

public sealed class StockItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_withdrawal_beyond_the_balance_is_refused_and_changes_nothing()
    {
        var lot = new StockItem(Guid.NewGuid(), Guid.NewGuid(), "B1", null);
        lot.Move(StockMovementKind.In, 100, "采购入库", "bureau", Now);
        var version = lot.Version;
        var out1 = lot.Move(StockMovementKind.Out, 30, "调拨", "bureau", Now);
        Assert.Equal(70, out1.BalanceAfter);
        Assert.NotEqual(version, lot.Version);

        var before = lot.Version;
        var e = Assert.Throws<WorkflowException>(() => lot.Move(StockMovementKind.Out, 70.5m, "发放", "bureau", Now));
        Assert.Contains("库存不足", e.Message, StringComparison.Ordinal);
        Assert.Equal(70, lot.Quantity);
        Assert.Equal(before, lot.Version);
        Assert.Equal(0, lot.Move(StockMovementKind.Out, 70, "发放", "bureau", Now).BalanceAfter);
    }

    [Theory]
    [InlineData(0, "入库")]
    [InlineData(-5, "入库")]
    [InlineData(5, "")]
    public void A_movement_needs_a_positive_quantity_and_a_reason(int quantity, string reason)
    {
        var lot = new StockItem(Guid.NewGuid(), Guid.NewGuid(), null, null);
        Assert.Throws<DomainValidationException>(() => lot.Move(StockMovementKind.In, quantity, reason, "bureau", Now));
        Assert.Equal(0, lot.Quantity);
    }

    [Theory]
    [InlineData("2026-06-30", 3, StockAlert.Expired)]
    [InlineData("2026-07-01", 3, StockAlert.DueForRotation)]   // expires today: not yet expired
    [InlineData("2026-10-01", 3, StockAlert.DueForRotation)]   // exactly three months ahead
    [InlineData("2026-10-02", 3, StockAlert.None)]
    [InlineData("2027-01-01", 6, StockAlert.DueForRotation)]
    public void Rotation_is_due_within_the_materials_window_before_expiry(string expires, int months, StockAlert alert) =>
        Assert.Equal(alert, StockAlerts.Of(DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), months, new DateOnly(2026, 7, 1)));
}

public sealed class DisasterReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Division District = new("650202", "独山子区", DivisionLevel.District, null);
    private static readonly Division Street = new("650202001", "西宁路街道", DivisionLevel.Street, District);
    private static readonly Division Community = new("650202001001", "天山社区", DivisionLevel.Community, Street);

    private static DisasterReportEntry Entry(ReportStage stage, int affected = 10) =>
        new() { IdempotencyKey = Guid.NewGuid().ToString(), Stage = stage, Figures = new DisasterFigures { AffectedPeople = affected, Relocated = affected / 2 } };

    private static DisasterReport Filed() =>
        DisasterReport.File("ZB-1", "k", Community, DisasterType.Flood, null, Now.AddHours(-2), Entry(ReportStage.Initial), Now);

    [Fact]
    public void Initial_then_updates_then_final_then_verified_with_the_latest_figures()
    {
        var report = Filed();
        Assert.Equal("天山社区洪涝灾情", report.Title);
        report.AddFollowUp(Entry(ReportStage.Update, 40), Now);
        report.AddFollowUp(Entry(ReportStage.Final, 38), Now);
        Assert.Equal(DisasterReportStatus.AwaitingVerification, report.Status);
        Assert.Equal(38, report.Figures.AffectedPeople);
        Assert.Throws<WorkflowException>(() => report.AddFollowUp(Entry(ReportStage.Update), Now));
        report.Verify("street", "已入户核实", Now);
        Assert.Equal(DisasterReportStatus.Verified, report.Status);
        Assert.Throws<WorkflowException>(() => report.Verify("street", null, Now));
        Assert.Throws<WorkflowException>(() => report.AddFollowUp(Entry(ReportStage.Final), Now));
    }

    [Fact]
    public void The_street_verifies_only_a_final_report_and_a_returned_one_takes_a_corrected_final()
    {
        var report = Filed();
        Assert.Throws<WorkflowException>(() => report.Verify("street", null, Now));
        Assert.Throws<WorkflowException>(() => report.AddFollowUp(Entry(ReportStage.Initial), Now));
        report.AddFollowUp(Entry(ReportStage.Final, 20), Now);
        Assert.Throws<DomainValidationException>(() => report.Return("street", " ", Now));
        report.Return("street", "倒塌房屋数与照片不符", Now);
        Assert.Equal(DisasterReportStatus.Reporting, report.Status);
        report.AddFollowUp(Entry(ReportStage.Final, 18), Now);
        report.Verify("street", null, Now);
        Assert.Equal(18, report.Figures.AffectedPeople);
        Assert.Equal(3, report.Entries.Count);
    }

    [Fact]
    public void Negative_figures_and_reports_for_a_street_are_refused()
    {
        var bad = new DisasterReportEntry { IdempotencyKey = "x", Stage = ReportStage.Initial, Figures = new DisasterFigures { Deaths = -1 } };
        Assert.Throws<DomainValidationException>(() => DisasterReport.File("ZB-2", "k2", Community, DisasterType.Flood, null, Now, bad, Now));
        Assert.Throws<DomainValidationException>(() => DisasterReport.File("ZB-3", "k3", Street, DisasterType.Flood, null, Now, Entry(ReportStage.Initial), Now));
    }
}
