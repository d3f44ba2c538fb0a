using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Plans;

namespace Tianshan.Core.Data.Configurations;

internal sealed class EmergencyPlanConfiguration : IEntityTypeConfiguration<EmergencyPlan>
{
    public void Configure(EntityTypeBuilder<EmergencyPlan> b)
    {
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.MajorHazardSourceId);
        b.HasIndex(p => p.HiddenHazardId);
        b.HasIndex(p => p.DivisionPath);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Owner).HasMaxLength(200);
        b.Property(p => p.Version).HasMaxLength(50);
        b.Property(p => p.Summary).HasMaxLength(4000);
        b.Property(p => p.DivisionPath).HasMaxLength(200);
        b.Property(p => p.FilingNumber).HasMaxLength(100);
        b.Property(p => p.FiledBy).HasMaxLength(100);
        b.Property(p => p.TriggerNote).HasMaxLength(1000);
        b.Property(p => p.RegisteredBy).HasMaxLength(100);
        b.Ignore(p => p.RevisionDueOn);
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId);
        b.HasOne<Registry.MajorHazardSource>().WithMany().HasForeignKey(p => p.MajorHazardSourceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Prevention.HiddenHazard>().WithMany().HasForeignKey(p => p.HiddenHazardId).OnDelete(DeleteBehavior.SetNull);
        b.OwnsMany(p => p.Levels, l =>
        {
            l.ToTable("EmergencyPlanLevels");
            l.WithOwner().HasForeignKey("EmergencyPlanId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.Triggers).HasMaxLength(2000);
            l.Property(x => x.Actions).HasMaxLength(2000);
        });
        b.OwnsMany(p => p.Activations, a =>
        {
            a.ToTable("EmergencyPlanActivations");
            a.WithOwner().HasForeignKey("EmergencyPlanId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.HasIndex(x => x.IncidentId);
            a.Property(x => x.IncidentNumber).HasMaxLength(32);
            a.Property(x => x.By).HasMaxLength(100);
            a.Property(x => x.Note).HasMaxLength(1000);
        });
    }
}

internal sealed class DrillPlanConfiguration : IEntityTypeConfiguration<DrillPlan>
{
    public void Configure(EntityTypeBuilder<DrillPlan> b)
    {
        b.HasIndex(p => new { p.Year, p.EnterpriseId });
        b.Property(p => p.Organisation).HasMaxLength(200);
        b.Property(p => p.DivisionPath).HasMaxLength(200);
        b.Property(p => p.RegisteredBy).HasMaxLength(100);
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId);
        b.OwnsMany(p => p.Items, i =>
        {
            i.ToTable("DrillPlanItems");
            i.WithOwner().HasForeignKey("DrillPlanId");
            i.Property<int>("Id");
            i.HasKey("Id");
            i.Property(x => x.Scenario).HasMaxLength(500);
        });
    }
}

internal sealed class DrillRecordConfiguration : IEntityTypeConfiguration<DrillRecord>
{
    public void Configure(EntityTypeBuilder<DrillRecord> b)
    {
        b.HasIndex(d => new { d.EnterpriseId, d.HeldOn });
        b.HasIndex(d => d.PlanId);
        b.Property(d => d.Organisation).HasMaxLength(200);
        b.Property(d => d.DivisionPath).HasMaxLength(200);
        b.Property(d => d.Scenario).HasMaxLength(500);
        b.Property(d => d.Participants).HasMaxLength(1000);
        b.Property(d => d.Evaluation).HasMaxLength(4000);
        b.Property(d => d.Problems).HasMaxLength(4000);
        b.Property(d => d.RegisteredBy).HasMaxLength(100);
        b.HasOne(d => d.Plan).WithMany().HasForeignKey(d => d.PlanId);
        b.HasOne(d => d.Enterprise).WithMany().HasForeignKey(d => d.EnterpriseId);
        b.OwnsMany(d => d.FollowUps, f =>
        {
            f.ToTable("DrillFollowUps");
            f.WithOwner().HasForeignKey("DrillRecordId");
            f.Property<int>("Id");
            f.HasKey("Id");
            f.Property(x => x.Action).HasMaxLength(1000);
            f.Property(x => x.Owner).HasMaxLength(100);
        });
    }
}
