using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Duty;
using Tianshan.Core.Incidents;
using Tianshan.Core.Monitoring;

namespace Tianshan.Core.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasIndex(i => i.Number).IsUnique();
        b.HasIndex(i => new { i.Status, i.OccurredAt });
        b.HasIndex(i => i.DivisionPath);
        b.Property(i => i.Number).HasMaxLength(32);
        b.Property(i => i.Subtype).HasMaxLength(50);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Address).HasMaxLength(200);
        b.Property(i => i.Narrative).HasMaxLength(4000);
        b.Property(i => i.Reporter).HasMaxLength(100);
        b.Property(i => i.ReporterPhone).HasMaxLength(30);
        b.Property(i => i.DivisionPath).HasMaxLength(200);
        b.Property(i => i.RegisteredBy).HasMaxLength(100);
        b.Property(i => i.ClosedBy).HasMaxLength(100);
        b.Ignore(i => i.Figures);
        b.HasOne(i => i.Enterprise).WithMany().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Alarm>().WithMany().HasForeignKey(i => i.AlarmId).OnDelete(DeleteBehavior.SetNull);
        b.OwnsOne(i => i.Investigation, o =>
        {
            o.Property(x => x.Cause).HasMaxLength(4000);
            o.Property(x => x.Responsibility).HasMaxLength(4000);
            o.Property(x => x.Measures).HasMaxLength(4000);
            o.Property(x => x.Education).HasMaxLength(4000);
        });
        b.OwnsMany(i => i.Events, e =>
        {
            e.ToTable("IncidentEvents");
            e.WithOwner().HasForeignKey("IncidentId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.By).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(4000);
        });
        b.OwnsMany(i => i.Reports, e =>
        {
            e.ToTable("IncidentReports");
            e.WithOwner().HasForeignKey("IncidentId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Recipient).HasMaxLength(200);
            e.Property(x => x.By).HasMaxLength(100);
        });
        b.OwnsMany(i => i.FollowUps, e =>
        {
            e.ToTable("IncidentFollowUps");
            e.WithOwner().HasForeignKey("IncidentId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.By).HasMaxLength(100);
        });
        b.OwnsMany(i => i.Milestones, e =>
        {
            e.ToTable("IncidentMilestones");
            e.WithOwner().HasForeignKey("IncidentId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.By).HasMaxLength(100);
        });
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.HasIndex(s => new { s.Date, s.Shift }).IsUnique();
        b.Property(s => s.Leader).HasMaxLength(50);
        b.Property(s => s.Officer).HasMaxLength(50);
        b.Property(s => s.Phone).HasMaxLength(30);
    }
}

internal sealed class DutyLogEntryConfiguration : IEntityTypeConfiguration<DutyLogEntry>
{
    public void Configure(EntityTypeBuilder<DutyLogEntry> b)
    {
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.IncidentId);
        b.Property(e => e.Summary).HasMaxLength(2000);
        b.Property(e => e.Caller).HasMaxLength(100);
        b.Property(e => e.Phone).HasMaxLength(30);
        b.Property(e => e.By).HasMaxLength(100);
        b.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DutyOpenItemConfiguration : IEntityTypeConfiguration<DutyOpenItem>
{
    public void Configure(EntityTypeBuilder<DutyOpenItem> b)
    {
        b.HasIndex(e => e.ClosedAt);
        b.Property(e => e.Text).HasMaxLength(500);
        b.Property(e => e.OpenedBy).HasMaxLength(100);
        b.Property(e => e.ClosedBy).HasMaxLength(100);
        b.Property(e => e.Resolution).HasMaxLength(500);
        b.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ShiftHandoverConfiguration : IEntityTypeConfiguration<ShiftHandover>
{
    public void Configure(EntityTypeBuilder<ShiftHandover> b)
    {
        b.HasIndex(h => h.At);
        b.Property(h => h.FromOfficer).HasMaxLength(50);
        b.Property(h => h.ToOfficer).HasMaxLength(50);
        b.Property(h => h.Summary).HasMaxLength(4000);
        b.Property(h => h.By).HasMaxLength(100);
    }
}
