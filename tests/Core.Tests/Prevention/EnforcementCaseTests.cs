using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Tests.Prevention;

public sealed class EnforcementCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private static EnforcementCase NewCase() => EnforcementCase.File(Guid.NewGuid(), "AJ-2026-00001", "未按规定设置可燃气体检测报警装置",
        "3号罐组可燃气体探测器失效逾期未整改", null, null, "inspector", Now);

    private static CaseDecision Fine(decimal amount = 50000m) => new()
    {
        LegalBasis = "《安全生产法》第九十九条",
        Penalty = PenaltyKind.Fine,
        FineAmount = amount,
        DocumentNumber = "独应急罚〔2026〕1号",
    };

    private static EnforcementCase Decided()
    {
        var c = NewCase();
        c.Investigate("现场检查笔录、询问笔录各一份", "inspector", Now.AddHours(1));
        c.Review(true, "事实清楚，证据确凿", "bureau", Now.AddHours(2));
        c.Decide(Fine(), "bureau", Now.AddHours(3));
        return c;
    }

    [Fact]
    public void A_case_runs_from_filing_to_closing_and_every_step_is_on_the_timeline()
    {
        var c = Decided();
        c.Execute("罚款已缴入指定银行", 50000m, Now.AddDays(2), "inspector", Now.AddDays(2));
        c.Close("处罚决定已执行完毕", "inspector", Now.AddDays(3));

        Assert.Equal(CaseStage.Closed, c.Stage);
        Assert.Equal(Now.AddDays(3), c.ClosedAt);
        Assert.Equal(["立案", "调查取证", "法制审核通过", "处罚决定", "执行完毕", "结案"], c.Events.Select(e => e.Action));
        Assert.Equal([null, CaseStage.Filed, CaseStage.Investigation, CaseStage.LegalReview, CaseStage.Decision, CaseStage.Execution],
            c.Events.Select(e => e.From));
        Assert.Contains("《安全生产法》第九十九条", c.Events[3].Note, StringComparison.Ordinal);
        Assert.Contains("罚款 50000 元", c.Events[3].Note, StringComparison.Ordinal);
        Assert.Equal("bureau", c.Events[2].By);
    }

    [Fact]
    public void Deciding_before_the_legal_review_is_refused_in_Chinese_and_changes_nothing()
    {
        var c = NewCase();
        c.Investigate("询问笔录", "inspector", Now);
        var e = Assert.Throws<WorkflowException>(() => c.Decide(Fine(), "bureau", Now));
        Assert.Equal("案件当前为“调查取证”阶段，不能作出处罚决定（须为“法制审核”阶段）", e.Message);
        Assert.Equal(CaseStage.Investigation, c.Stage);
        Assert.Null(c.Decision);
        Assert.Equal(2, c.Events.Count);
    }

    [Fact]
    public void Steps_out_of_order_are_workflow_errors()
    {
        var c = NewCase();
        Assert.Throws<WorkflowException>(() => c.Review(true, null, "bureau", Now));
        Assert.Throws<WorkflowException>(() => c.Execute("x", null, Now, "inspector", Now));
        Assert.Throws<WorkflowException>(() => c.Close(null, "inspector", Now));
        var decided = Decided();
        Assert.Throws<WorkflowException>(() => decided.Investigate("补充", "inspector", Now));
        Assert.Throws<WorkflowException>(() => decided.Close(null, "inspector", Now));
        Assert.Equal(CaseStage.Decision, decided.Stage);
    }

    [Fact]
    public void The_handler_who_filed_or_investigated_cannot_do_the_legal_review()
    {
        var c = EnforcementCase.File(Guid.NewGuid(), "AJ-2026-00002", "案由", "事实", null, null, "bureau", Now);
        c.Investigate("笔录", "inspector", Now);
        var e = Assert.Throws<WorkflowException>(() => c.Review(true, null, "bureau", Now));
        Assert.Contains("第五十八条", e.Message, StringComparison.Ordinal);
        Assert.Throws<WorkflowException>(() => c.Review(true, null, "INSPECTOR", Now));
        Assert.Equal(CaseStage.Investigation, c.Stage);
        c.Review(true, null, "admin", Now);
        Assert.Equal(CaseStage.LegalReview, c.Stage);
    }

    [Fact]
    public void A_failed_review_sends_the_case_back_for_further_investigation()
    {
        var c = NewCase();
        c.Investigate("笔录", "inspector", Now);
        Assert.Throws<DomainValidationException>(() => c.Review(false, " ", "bureau", Now));
        c.Review(false, "证据不足，补充检测报告", "bureau", Now);
        Assert.Equal(CaseStage.Investigation, c.Stage);
        c.Investigate("补充检测报告", "inspector", Now);
        Assert.Equal("补充调查", c.Events[^1].Action);
        c.Review(true, null, "bureau", Now);
        Assert.Equal(CaseStage.LegalReview, c.Stage);
    }

    [Fact]
    public void A_decision_needs_its_legal_basis_document_number_and_a_fine_amount_that_is_not_negative()
    {
        var c = NewCase();
        c.Investigate("笔录", "inspector", Now);
        c.Review(true, null, "bureau", Now);
        var e = Assert.Throws<DomainValidationException>(() => c.Decide(new CaseDecision { Penalty = PenaltyKind.Fine }, "bureau", Now));
        Assert.Equal(["documentNumber", "fineAmount", "legalBasis"], e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<DomainValidationException>(() => c.Decide(Fine(-1m), "bureau", Now));
        Assert.Equal(CaseStage.LegalReview, c.Stage);
        c.Decide(new CaseDecision { LegalBasis = "《安全生产法》第一百零一条", Penalty = PenaltyKind.Warning, FineAmount = 100m, DocumentNumber = "独应急罚〔2026〕2号" },
            "bureau", Now);
        Assert.Null(c.Decision!.FineAmount);
    }

    [Fact]
    public void A_fine_must_be_paid_in_full_before_execution_is_recorded()
    {
        var c = Decided();
        var e = Assert.Throws<DomainValidationException>(() => c.Execute("部分缴纳", 20000m, Now.AddDays(1), "inspector", Now.AddDays(1)));
        Assert.Contains("罚款须缴清", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => c.Execute(" ", 50000m, Now.AddDays(1), "inspector", Now.AddDays(1)));
        Assert.Equal(CaseStage.Decision, c.Stage);
    }

    [Fact]
    public void Filing_needs_a_title_and_the_facts()
    {
        var e = Assert.Throws<DomainValidationException>(() => EnforcementCase.File(Guid.NewGuid(), "AJ-2026-00003", " ", "", null, null, "inspector", Now));
        Assert.Equal(2, e.Errors.Count);
        Assert.Contains("请填写违法事实", e.Message, StringComparison.Ordinal);
    }
}
