using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Tests.Monitoring;

public class AlarmLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    private static AlarmLifecycle Alarm() => new(AlarmKind.High, AlarmPriority.Medium);

    private static AlarmLifecycle InState(AlarmState state)
    {
        var alarm = Alarm();
        switch (state)
        {
            case AlarmState.Unacknowledged:
                alarm.Activate(At(0), 80);
                break;
            case AlarmState.Acknowledged:
                alarm.Activate(At(0), 80);
                alarm.Acknowledge("值班员甲", At(1));
                break;
            case AlarmState.ReturnedUnacknowledged:
                alarm.Activate(At(0), 80);
                alarm.Clear(At(1), 60);
                break;
            case AlarmState.Shelved:
                alarm.Shelve("值班员甲", "仪表检修", At(60), At(0));
                break;
            case AlarmState.Suppressed:
                alarm.Suppress("装置停车，按设计抑制", At(0));
                break;
            case AlarmState.OutOfService:
                alarm.RemoveFromService("仪表工乙", "探头更换", At(0));
                break;
        }
        Assert.Equal(state, alarm.State);
        return alarm;
    }

    [Fact]
    public void A_new_alarm_is_normal_with_its_condition_clear()
    {
        var alarm = Alarm();
        Assert.Equal(AlarmState.Normal, alarm.State);
        Assert.False(alarm.ConditionActive);
        Assert.False(alarm.IsAnnunciated);
    }

    [Fact]
    public void Activation_makes_a_normal_alarm_unacknowledged_and_records_the_value()
    {
        var alarm = Alarm();
        var change = alarm.Activate(At(0), 82.5);
        Assert.Equal(new AlarmTransition(At(0), AlarmKind.High, AlarmPriority.Medium, AlarmState.Normal, AlarmState.Unacknowledged, Value: 82.5), change);
        Assert.True(change!.Value.IsAnnunciation);
        Assert.True(alarm.ConditionActive);
        Assert.Equal(At(0), alarm.ActiveSince);
    }

    [Fact]
    public void Acknowledging_an_active_alarm_keeps_it_active_and_names_the_user()
    {
        var alarm = InState(AlarmState.Unacknowledged);
        var change = alarm.Acknowledge("值班员甲", At(2), "已通知现场");
        Assert.Equal((AlarmState.Unacknowledged, AlarmState.Acknowledged), (change.From, change.To));
        Assert.Equal("值班员甲", change.User);
        Assert.Equal("已通知现场", change.Note);
        Assert.True(alarm.ConditionActive);
        Assert.True(alarm.IsAnnunciated);
    }

    [Fact]
    public void Clearing_an_acknowledged_alarm_returns_it_to_normal()
    {
        var alarm = InState(AlarmState.Acknowledged);
        var change = alarm.Clear(At(3), 60);
        Assert.Equal((AlarmState.Acknowledged, AlarmState.Normal), (change!.Value.From, change.Value.To));
        Assert.Null(alarm.ActiveSince);
        Assert.False(alarm.IsAnnunciated);
    }

    [Fact]
    public void Clearing_before_acknowledgement_leaves_it_returned_but_unacknowledged()
    {
        var alarm = InState(AlarmState.Unacknowledged);
        var change = alarm.Clear(At(1), 60);
        Assert.Equal((AlarmState.Unacknowledged, AlarmState.ReturnedUnacknowledged), (change!.Value.From, change.Value.To));
        Assert.True(alarm.IsAnnunciated);
    }

    [Fact]
    public void Acknowledging_a_returned_alarm_returns_it_to_normal()
    {
        var alarm = InState(AlarmState.ReturnedUnacknowledged);
        var change = alarm.Acknowledge("值班员甲", At(2));
        Assert.Equal((AlarmState.ReturnedUnacknowledged, AlarmState.Normal), (change.From, change.To));
    }

    [Fact]
    public void Reactivation_before_acknowledgement_makes_a_returned_alarm_unacknowledged_again()
    {
        var alarm = InState(AlarmState.ReturnedUnacknowledged);
        var change = alarm.Activate(At(2), 85);
        Assert.Equal((AlarmState.ReturnedUnacknowledged, AlarmState.Unacknowledged), (change!.Value.From, change.Value.To));
    }

    [Fact]
    public void Shelving_hides_the_alarm_and_keeps_reason_user_and_expiry()
    {
        var alarm = InState(AlarmState.Unacknowledged);
        var change = alarm.Shelve("值班员甲", "仪表检修", At(30), At(1));
        Assert.Equal((AlarmState.Unacknowledged, AlarmState.Shelved), (change.From, change.To));
        Assert.Equal(("值班员甲", "仪表检修", At(30)), (alarm.ChangedBy, alarm.Reason, alarm.ShelvedUntil));
        Assert.False(alarm.IsAnnunciated);
        // The condition is still tracked while shelved, silently.
        Assert.Null(alarm.Clear(At(2), 60));
        Assert.Null(alarm.Activate(At(3), 90));
        Assert.Equal(AlarmState.Shelved, alarm.State);
    }

    [Fact]
    public void Unshelving_while_the_condition_persists_annunciates_the_alarm_again()
    {
        var alarm = InState(AlarmState.Acknowledged);
        alarm.Shelve("值班员甲", "仪表检修", At(30), At(2));
        var change = alarm.Unshelve("值班员甲", At(5));
        Assert.Equal((AlarmState.Shelved, AlarmState.Unacknowledged), (change.From, change.To));
        Assert.Null(alarm.ShelvedUntil);
    }

    [Fact]
    public void Unshelving_a_clear_alarm_returns_it_to_normal()
    {
        var alarm = InState(AlarmState.Shelved);
        Assert.Equal(AlarmState.Normal, alarm.Unshelve("值班员甲", At(5)).To);
    }

    [Fact]
    public void Shelving_expires_on_the_first_tick_at_or_after_its_end()
    {
        var alarm = InState(AlarmState.Shelved);   // until 60 min
        alarm.Activate(At(10), 90);
        Assert.Null(alarm.Tick(At(59.9)));
        var change = alarm.Tick(At(60));
        Assert.NotNull(change);
        Assert.Equal((AlarmState.Shelved, AlarmState.Unacknowledged), (change.Value.From, change.Value.To));
        Assert.Null(change.Value.User);
        Assert.Contains("搁置到期", change.Value.Note, StringComparison.Ordinal);
        Assert.Null(alarm.Tick(At(61)));
    }

    [Fact]
    public void Suppression_hides_the_alarm_and_unsuppression_reevaluates_it()
    {
        var alarm = InState(AlarmState.Normal);
        var suppressed = alarm.Suppress("装置停车，按设计抑制", At(1));
        Assert.Equal((AlarmState.Normal, AlarmState.Suppressed), (suppressed.From, suppressed.To));
        Assert.Null(alarm.Activate(At(2), 90));
        var back = alarm.Unsuppress(At(3));
        Assert.Equal((AlarmState.Suppressed, AlarmState.Unacknowledged), (back.From, back.To));
    }

    [Fact]
    public void Out_of_service_can_be_entered_even_from_shelved_and_returns_to_normal()
    {
        var alarm = InState(AlarmState.Shelved);
        var removed = alarm.RemoveFromService("仪表工乙", "探头更换", At(1));
        Assert.Equal((AlarmState.Shelved, AlarmState.OutOfService), (removed.From, removed.To));
        Assert.Null(alarm.ShelvedUntil);
        Assert.Null(alarm.Tick(At(120)));   // the old shelving expiry no longer applies
        var back = alarm.ReturnToService("仪表工乙", At(130));
        Assert.Equal((AlarmState.OutOfService, AlarmState.Normal), (back.From, back.To));
    }

    [Fact]
    public void Returning_to_service_while_the_condition_persists_annunciates_the_alarm()
    {
        var alarm = InState(AlarmState.Acknowledged);
        alarm.RemoveFromService("仪表工乙", "探头更换", At(2));
        Assert.Equal(AlarmState.Unacknowledged, alarm.ReturnToService("仪表工乙", At(3)).To);
    }

    [Theory]
    [InlineData(AlarmState.Normal, "acknowledge", "不能确认")]
    [InlineData(AlarmState.Acknowledged, "acknowledge", "不能确认")]
    [InlineData(AlarmState.Shelved, "acknowledge", "不能确认")]
    [InlineData(AlarmState.Shelved, "shelve", "不能搁置")]
    [InlineData(AlarmState.OutOfService, "shelve", "不能搁置")]
    [InlineData(AlarmState.Normal, "unshelve", "不能解除搁置")]
    [InlineData(AlarmState.Shelved, "suppress", "不能抑制")]
    [InlineData(AlarmState.Unacknowledged, "unsuppress", "不能解除抑制")]
    [InlineData(AlarmState.OutOfService, "remove", "不能停用")]
    [InlineData(AlarmState.Acknowledged, "return", "不能恢复投用")]
    public void Illegal_transitions_are_refused_in_chinese(AlarmState state, string action, string expected)
    {
        var alarm = InState(state);
        var e = Assert.Throws<WorkflowException>(() => _ = action switch
        {
            "acknowledge" => alarm.Acknowledge("值班员甲", At(5)),
            "shelve" => alarm.Shelve("值班员甲", "误报", At(60), At(5)),
            "unshelve" => alarm.Unshelve("值班员甲", At(5)),
            "suppress" => alarm.Suppress("按设计抑制", At(5)),
            "unsuppress" => alarm.Unsuppress(At(5)),
            "remove" => alarm.RemoveFromService("仪表工乙", "检修", At(5)),
            _ => alarm.ReturnToService("仪表工乙", At(5)),
        });
        Assert.Contains($"当前为“{AlarmLabels.Label(state)}”", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(state, alarm.State);
    }

    [Fact]
    public void Activating_an_active_alarm_or_clearing_a_clear_one_is_refused()
    {
        Assert.Contains("不能重复触发", Assert.Throws<WorkflowException>(() => InState(AlarmState.Acknowledged).Activate(At(5))).Message, StringComparison.Ordinal);
        Assert.Contains("无需恢复", Assert.Throws<WorkflowException>(() => InState(AlarmState.ReturnedUnacknowledged).Clear(At(5))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shelving_needs_a_reason_and_an_expiry_in_the_future()
    {
        var alarm = InState(AlarmState.Unacknowledged);
        Assert.Contains("原因", Assert.Throws<DomainValidationException>(() => alarm.Shelve("值班员甲", " ", At(60), At(1))).Message, StringComparison.Ordinal);
        Assert.Contains("晚于", Assert.Throws<DomainValidationException>(() => alarm.Shelve("值班员甲", "误报", At(1), At(1))).Message, StringComparison.Ordinal);
        Assert.Equal(AlarmState.Unacknowledged, alarm.State);
    }

    [Fact]
    public void A_snapshot_restores_the_same_alarm_and_a_contradictory_one_is_refused()
    {
        var alarm = InState(AlarmState.Shelved);
        alarm.Activate(At(3), 90);
        var restored = AlarmLifecycle.Restore(alarm.Snapshot(), AlarmPriority.Medium);
        Assert.Equal(alarm.Snapshot(), restored.Snapshot());
        Assert.Equal(AlarmState.Unacknowledged, restored.Tick(At(60))!.Value.To);

        Assert.Throws<ArgumentException>(() =>
            AlarmLifecycle.Restore(new AlarmSnapshot(AlarmKind.High, AlarmState.Acknowledged, ConditionActive: false), AlarmPriority.Medium));
    }
}
