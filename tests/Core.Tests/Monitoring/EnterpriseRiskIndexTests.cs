using Tianshan.Core.Monitoring;

namespace Tianshan.Core.Tests.Monitoring;

public class EnterpriseRiskIndexTests
{
    [Fact]
    public void A_grade_one_source_with_no_alarms_is_orange()
    {
        var r = EnterpriseRiskIndex.Compute(new RiskInputs(1, true, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(50, r.Index);
        Assert.Equal("orange", r.Colour);
    }

    [Fact]
    public void Live_alarms_raise_the_index_up_to_their_cap()
    {
        var calm = EnterpriseRiskIndex.Compute(new RiskInputs(3, true, 0, 0, 0, 0, 0, 0, 0));
        var alarmed = EnterpriseRiskIndex.Compute(new RiskInputs(3, true, 1, 1, 0, 0, 0, 0, 0));
        var storm = EnterpriseRiskIndex.Compute(new RiskInputs(3, true, 50, 0, 0, 0, 0, 0, 0));
        Assert.Equal(30, calm.Index);
        Assert.Equal(46, alarmed.Index);
        Assert.Equal(30, storm.Live);
        Assert.Equal("orange", storm.Colour);
    }

    [Fact]
    public void Overdue_work_counts_and_a_grade_one_plant_in_alarm_and_overdue_is_red()
    {
        var r = EnterpriseRiskIndex.Compute(new RiskInputs(1, true, 2, 0, 0, 0, 1, 3, 0));
        Assert.Equal(11, r.Overdue);
        Assert.Equal(81, r.Index);
        Assert.Equal("red", r.Colour);
    }

    [Fact]
    public void An_office_with_nothing_open_is_blue()
    {
        Assert.Equal("blue", EnterpriseRiskIndex.Compute(new RiskInputs(null, false, 0, 0, 0, 0, 0, 0, 0)).Colour);
    }
}
