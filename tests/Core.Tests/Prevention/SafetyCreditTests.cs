using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

public sealed class SafetyCreditTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0, 100, CreditGrade.A)]
    [InlineData(1, 0, 0, 0, 0, 90, CreditGrade.A)]     // 90 is still A
    [InlineData(1, 0, 0, 0, 1, 65, CreditGrade.C)]
    [InlineData(0, 1, 0, 0, 0, 92, CreditGrade.A)]
    [InlineData(0, 0, 1, 1, 0, 75, CreditGrade.B)]     // 75 is B
    [InlineData(0, 0, 0, 1, 1, 60, CreditGrade.C)]     // 60 is C
    [InlineData(0, 0, 0, 2, 0, 70, CreditGrade.C)]
    [InlineData(1, 0, 0, 2, 0, 60, CreditGrade.C)]
    [InlineData(0, 1, 1, 2, 0, 52, CreditGrade.D)]
    [InlineData(9, 9, 0, 9, 9, 0, CreditGrade.D)]      // capped deductions: 40 + 24 + 45 + 50 > 100, floor 0
    [InlineData(6, 0, 0, 0, 0, 60, CreditGrade.C)]     // overdue hazards count at most 4
    public void The_score_and_grade_at_each_edge(int overdue, int major, int listed, int penalties, int accidents, int score, CreditGrade grade)
    {
        var result = SafetyCredit.Score(new CreditInputs(overdue, major, listed, penalties, accidents, Blacklisted: false));
        Assert.Equal(score, result.Score);
        Assert.Equal(grade, result.Grade);
    }

    [Fact]
    public void A_blacklisted_enterprise_is_D_whatever_its_score_and_says_why()
    {
        var result = SafetyCredit.Score(new CreditInputs(0, 0, 0, 0, 0, Blacklisted: true));
        Assert.Equal(100, result.Score);
        Assert.Equal(CreditGrade.D, result.Grade);
        Assert.Contains(result.Deductions, d => d.Contains("失信名单", StringComparison.Ordinal));
    }

    [Fact]
    public void The_blacklist_entry_has_its_dates_and_is_removed_once_with_a_reason()
    {
        var listed = new DateOnly(2026, 1, 1);
        Assert.Throws<DomainValidationException>(() => BlacklistEntry.List(Guid.NewGuid(), " ", listed, null, "bureau"));
        Assert.Throws<DomainValidationException>(() => BlacklistEntry.List(Guid.NewGuid(), "事故瞒报", listed, listed.AddDays(-1), "bureau"));
        var entry = BlacklistEntry.List(Guid.NewGuid(), "事故瞒报", listed, listed.AddYears(1), "bureau");
        Assert.False(entry.IsActive(listed.AddDays(-1)));
        Assert.True(entry.IsActive(listed));
        Assert.True(entry.IsActive(listed.AddYears(1)));
        Assert.False(entry.IsActive(listed.AddYears(1).AddDays(1)));
        Assert.Throws<DomainValidationException>(() => entry.Remove("", listed.AddDays(10), "bureau"));
        entry.Remove("信用修复完成", listed.AddDays(10), "bureau");
        Assert.False(entry.IsActive(listed.AddDays(11)));
        Assert.Throws<WorkflowException>(() => entry.Remove("again", listed.AddDays(12), "bureau"));
    }
}
